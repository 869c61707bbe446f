# Statements of every kind, with positions that span blocks and clauses.
import os.path as osp, sys
from collections import (OrderedDict as OD,
                         defaultdict)
from . import sibling
from .. import parent as par
from .mod.sub import *
from ...pkg import name
global_var = 1

@decorator
@decorator.attr(1, key=2)
@(lambda f: f)
def func(a, b: int = 1, /, c=2, *args: str, d, e=3, **kwargs) -> "ret":
    """Docstring."""
    global global_var
    def inner():
        nonlocal a, b
        a += 1; b -= 1;
    return inner

async_ = 1
class Klass(Base, metaclass=Meta, **extra):
    attr: int = 5
    other: str
    (paren): int = 1
    obj.attr: float
    seq[0]: int = 2

    def method(self, /): pass

for i, (j, *k) in enumerate([]):
    continue
else:
    pass

while x := f():
    break
else:
    x = 1

if a: pass
elif b: pass
elif c:
    pass
else:
    pass

with open("f") as fh, lock:
    pass
with (open("a") as a, open("b") as b,):
    pass
with (a, b):
    pass
with (yield_value):
    pass
with (a):
    pass

try:
    pass
except ValueError as err:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
else:
    pass
finally:
    pass

raise
raise ValueError("x") from None
assert x, "message"
assert (x, y)
del a, b[0], c.d, (e, f), [g]
del (h)
x = y = z = 1
a, b = b, a
[a, *b] = c
a.b.c = d[e][f] = 1
x += 1; y //= 2; z **= 3; w @= m; v >>= 1; u <<= 2; t ^= 1; s |= 2; r &= 3; q %= 4
pass
