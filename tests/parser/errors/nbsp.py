# Parser error case: nbsp
x = 1
