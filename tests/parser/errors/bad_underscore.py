# Parser error case: bad underscore
x = 1__0
