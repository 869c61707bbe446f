# Parser error case: assign to yield
def g():
    (yield) = 1
