# Parser error case: dup argument
def f(a, a):
    pass
