# Parser error case: default star arg
def f(*a=1):
    pass
