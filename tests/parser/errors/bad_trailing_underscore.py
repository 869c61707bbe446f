# Parser error case: bad trailing underscore
x = 1_
