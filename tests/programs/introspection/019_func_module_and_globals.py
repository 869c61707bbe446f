# Checks __module__ and __globals__ of a function defined at module level.
CONST = 99
def f():
    return CONST

print(f.__module__, f.__globals__ is globals(), f.__globals__["CONST"])
print("CONST" in f.__globals__, f.__name__ in f.__globals__, "missing" in f.__globals__)
print(type(f).__name__, type(f.__code__).__name__)
