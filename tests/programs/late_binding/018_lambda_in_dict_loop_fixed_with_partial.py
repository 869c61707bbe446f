# Checks building a dispatch table in a loop: trap vs functools.partial fix.
from functools import partial

def scale(factor, x):
    return factor * x

trap = {}
fixed = {}
for name, factor in [("double", 2), ("triple", 3), ("tenfold", 10)]:
    trap[name] = lambda x: scale(factor, x)
    fixed[name] = partial(scale, factor)
print({k: f(5) for k, f in trap.items()})
print({k: f(5) for k, f in fixed.items()})
