# Parser error case: bad float name
x = 1.5abc
