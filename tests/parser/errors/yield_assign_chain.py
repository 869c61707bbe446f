# Parser error case: yield assign chain
def g():
    x = yield = 3
