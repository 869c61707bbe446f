# Parser error case: def default mutable ok then error
def f(a=[], b):
    pass
