# Parser error case: args after kwargs
def f(**a, b):
    pass
