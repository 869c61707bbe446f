# Parser error case: genexp second
f(1, x for x in y)
