# Checks functools.wraps merges the wrapped function's __dict__ into the wrapper.
import functools

def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w

def original():
    return 1
original.tag = "important"
original.version = 2

wrapped = deco(original)
print(wrapped.tag, wrapped.version)
print(sorted(wrapped.__dict__))
print(wrapped.__wrapped__ is original)
