# Parser error case: ifexp missing else
x = 1 if y
