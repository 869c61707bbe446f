# Parser error case: assign to true
True = 1
