# Parser error case: missing expression after return op
def f():
    return +
