# Checks a parameter captured by an inner function appears in co_cellvars and co_varnames.
def outer(p, q):
    r = 3
    def inner():
        return p + r
    return inner

c = outer.__code__
print(c.co_varnames, c.co_cellvars, c.co_nlocals)
print(outer(1, 2).__code__.co_varnames, outer(1, 2).__code__.co_freevars)
