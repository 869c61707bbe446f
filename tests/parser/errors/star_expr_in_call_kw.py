# Parser error case: star expr in call kw
f(*a=1)
