# Parser error case: default before nondefault
def f(x=1, y):
    pass
