# Parser error case: def params no comma
def f(x y):
    pass
