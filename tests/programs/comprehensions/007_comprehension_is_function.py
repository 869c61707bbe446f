# Checks that in 3.11 a list comprehension is its own code object with .0 as argument.
def f():
    return [x for x in range(3)]

codes = [c for c in f.__code__.co_consts if hasattr(c, "co_name")]
print([c.co_name for c in codes])
print(codes[0].co_varnames)
print(codes[0].co_argcount)
