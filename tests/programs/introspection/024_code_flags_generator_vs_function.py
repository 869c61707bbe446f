# Checks code object flags distinguish generators, nested functions and varargs (via bit tests).
CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR = 0x4, 0x8, 0x10, 0x20
def plain(a): return a
def star(*a, **k): return a
def gen(): yield 1
def outer():
    def inner(): return 1
    return inner
for fn in (plain, star, gen, outer()):
    f = fn.__code__.co_flags
    print(fn.__name__, bool(f & CO_VARARGS), bool(f & CO_VARKEYWORDS), bool(f & CO_NESTED), bool(f & CO_GENERATOR))
