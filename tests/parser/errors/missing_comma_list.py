# Parser error case: missing comma list
x = [1, 2 3]
