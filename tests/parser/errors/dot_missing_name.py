# Parser error case: dot missing name
x = a.
