# Parser error case: bad binary
x = 0b102
