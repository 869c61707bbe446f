# Checks function composition helpers built from closures.
from functools import reduce

def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed

def pipe(*funcs):
    return lambda x: reduce(lambda acc, f: f(acc), funcs, x)

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), pipe(inc, dbl)(5))
print(compose()(7), pipe()(7))
print(compose(str, abs, dbl)(-21), pipe(str, len)(12345))
