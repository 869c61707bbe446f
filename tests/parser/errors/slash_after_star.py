# Parser error case: slash after star
def f(*a, /):
    pass
