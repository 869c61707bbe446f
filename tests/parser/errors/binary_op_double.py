# Parser error case: binary op double
x = 1 * * 2
