# Parser error case: dup kwonly
def f(a, *, a):
    pass
