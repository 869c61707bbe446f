# Parser error case: keyword arg then genexp
f(a=1, x for x in y)
