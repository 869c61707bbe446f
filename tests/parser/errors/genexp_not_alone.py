# Parser error case: genexp not alone
f(x for x in y, 1)
