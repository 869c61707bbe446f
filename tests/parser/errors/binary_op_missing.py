# Parser error case: binary op missing
x = 1 +
