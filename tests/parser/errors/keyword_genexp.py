# Parser error case: keyword genexp
f(a=x for x in y)
