# Parser error case: assign to comparison
a < b = 1
