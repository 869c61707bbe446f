# Parser error case: global in expression
x = global y
