# Checks functools.wraps copies __name__, __doc__, __qualname__ and sets __wrapped__.
import functools

def deco(func):
    @functools.wraps(func)
    def wrapper(*a):
        return func(*a)
    return wrapper

@deco
def documented(x):
    """Doubles x."""
    return 2 * x

print(documented.__name__, documented.__qualname__)
print(documented.__doc__)
print(documented.__wrapped__(21), documented(4))
print(documented.__wrapped__.__name__)
