# Parser error case: return with assign
def f():
    return x = 1
