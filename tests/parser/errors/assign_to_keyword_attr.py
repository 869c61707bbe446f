# Parser error case: assign to keyword attr
x.None = 1
