# Checks co_freevars and co_cellvars on outer and inner functions.
def outer(x):
    y = 1
    z = 2
    def inner():
        return x + z
    return inner

print(outer.__code__.co_cellvars, outer.__code__.co_freevars)
f = outer(5)
print(f.__code__.co_cellvars, f.__code__.co_freevars)
print(dict(zip(f.__code__.co_freevars, (c.cell_contents for c in f.__closure__))))
