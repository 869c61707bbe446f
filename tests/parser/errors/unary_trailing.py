# Parser error case: unary trailing
x = -
