# Parser error case: bad decimal
x = 1abc
