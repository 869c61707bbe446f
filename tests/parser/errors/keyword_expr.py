# Parser error case: keyword expr
f(a.b=1)
