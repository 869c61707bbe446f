# Parser error case: default kwarg
def f(**a=1):
    pass
