# Parser error case: kwargs then args def
def f(**kw, *a):
    pass
