# Parser error case: assign to literal
1 = x
