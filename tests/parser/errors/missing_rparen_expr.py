# Parser error case: missing rparen expr
x = (1 + 2
y = 3
