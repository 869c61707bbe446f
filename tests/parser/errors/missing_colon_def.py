# Parser error case: missing colon def
def f(x)
    return x
