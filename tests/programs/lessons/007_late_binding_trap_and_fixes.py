# Checks the late-binding trap and the three standard fixes side by side.
from functools import partial

trap = []
for i in range(3):
    trap.append(lambda: i)

default_fix = []
for i in range(3):
    default_fix.append(lambda i=i: i)

def factory(n):
    return lambda: n
factory_fix = [factory(i) for i in range(3)]

partial_fix = [partial(lambda n: n, i) for i in range(3)]

print("trap:         ", [f() for f in trap])
print("default arg:  ", [f() for f in default_fix])
print("factory:      ", [f() for f in factory_fix])
print("partial:      ", [f() for f in partial_fix])
print("trap cells:   ", [f.__closure__ for f in trap])
print("factory cells:", [f.__closure__[0].cell_contents for f in factory_fix])
