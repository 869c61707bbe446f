# Parser error case: assign to ifexp
a if b else c = 1
