# Checks __wrapped__ set by functools.wraps points to the original function.
import functools

def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return ("wrapped", f(*a, **k))
    return wrapper

@deco
def target(x):
    """Target doc."""
    return x * 2

print(target(2), target.__wrapped__(2))
print(target.__name__, target.__qualname__, target.__doc__, target.__module__)
print(target.__wrapped__.__code__.co_name, target.__code__.co_name)
print(target.__code__.co_freevars, hasattr(target.__wrapped__, "__wrapped__"))
