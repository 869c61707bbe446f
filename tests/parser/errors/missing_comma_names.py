# Parser error case: missing comma names
x = [a b]
