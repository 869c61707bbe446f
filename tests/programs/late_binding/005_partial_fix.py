# Checks functools.partial binds values immediately, avoiding late binding.
from functools import partial

def power(base, exp):
    return base ** exp

fns = [partial(power, exp=e) for e in range(4)]
print([f(2) for f in fns])
print([f(base=3) for f in fns])
