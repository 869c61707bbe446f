# Checks code object argument counts for various signatures.
def a(): pass
def b(x, y=1): pass
def c(*args): pass
def d(**kw): pass
def e(p, /, q, *, r): pass
def f(*, only): pass
for fn in (a, b, c, d, e, f):
    co = fn.__code__
    print(fn.__name__, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames)
