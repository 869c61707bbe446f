# Parser error case: dot number
x = a.1
