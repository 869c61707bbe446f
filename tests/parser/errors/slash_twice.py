# Parser error case: slash twice
def f(a, /, b, /):
    pass
