# Parser error case: stray rparen
x = 1)
