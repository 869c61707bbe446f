# Checks 3.11 comprehension code objects: names and .0 argument.
def f(xs):
    a = [x for x in xs]
    b = {x: x for x in xs}
    c = {x for x in xs}
    d = (x for x in xs)
    return a, b, c, d

codes = [k for k in f.__code__.co_consts if hasattr(k, "co_varnames")]
for k in codes:
    print(k.co_name, k.co_varnames, k.co_freevars, k.co_argcount)
