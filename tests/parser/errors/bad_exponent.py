# Parser error case: bad exponent
x = 1e
