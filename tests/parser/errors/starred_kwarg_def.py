# Parser error case: starred kwarg def
def f(a, *, **kw):
    pass
