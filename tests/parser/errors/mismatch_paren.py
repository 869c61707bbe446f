# Parser error case: mismatch paren
x = (1, 2]
