# Checks lambda code objects: name, varnames, freevars and defaults.
def make(k):
    return lambda x, y=10, *rest: x + y + k + len(rest)

f = make(5)
print(f.__name__, f.__qualname__, f.__code__.co_varnames, f.__code__.co_freevars)
print(f.__defaults__, f(1), f(1, 2, 3, 4), f.__closure__[0].cell_contents)
