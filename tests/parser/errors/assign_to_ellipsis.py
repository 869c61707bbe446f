# Parser error case: assign to ellipsis
... = 1
