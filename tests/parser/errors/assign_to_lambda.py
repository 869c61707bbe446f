# Parser error case: assign to lambda
lambda: 1 = 1
