# Parser error case: number then name
x = 1 2
