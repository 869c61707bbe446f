# Parser error case: leading zero
x = 012
