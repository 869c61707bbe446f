# Checks a decorator that wraps a generator function and post-processes its items.
import functools

def take_while_positive(gen_func):
    @functools.wraps(gen_func)
    def wrapper(*args):
        for item in gen_func(*args):
            if item <= 0:
                return
            yield item
    return wrapper

@take_while_positive
def countdown(n):
    """Counts down forever."""
    while True:
        yield n
        n -= 1

print(list(countdown(4)), countdown.__doc__)
print(type(countdown(1)).__name__, countdown(3).__qualname__)
