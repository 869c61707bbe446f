# Parser error case: star named after star
def f(*, *a):
    pass
