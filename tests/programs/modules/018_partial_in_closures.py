# Checks partial objects combined with closures and map.
from functools import partial, reduce

def scale(factor, value):
    return factor * value

scalers = {n: partial(scale, n) for n in (2, 3)}
print([scalers[2](v) for v in range(4)], list(map(scalers[3], [1, 2])))
compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
pipeline = compose(partial(scale, 2), str, lambda s: s + "!")
print(pipeline(21))
