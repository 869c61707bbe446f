# Checks a comprehension that uses an enclosing local gets it as a free variable.
def f(factor):
    offset = 2
    return [x * factor + offset for x in range(3)]

listcomp = [k for k in f.__code__.co_consts if hasattr(k, "co_name")][0]
print(f.__code__.co_cellvars, listcomp.co_freevars, listcomp.co_varnames)
print(f(10))
