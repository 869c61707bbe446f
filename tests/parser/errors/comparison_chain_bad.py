# Parser error case: comparison chain bad
x = 1 < < 2
