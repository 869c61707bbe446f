# Parser error case: bad octal
x = 0o8
