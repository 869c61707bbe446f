# Parser error case: augassign tuple
a, b += 1
