# Parser error case: assign to expr
a + b = 1
