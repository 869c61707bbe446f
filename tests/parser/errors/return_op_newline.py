# Parser error case: return op newline
def f(a, b):
    return a +
