# Parser error case: triple eq
x = a === b
