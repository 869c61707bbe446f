# Parser error case: def missing parens
def f:
    pass
