# Checks __defaults__ and __kwdefaults__ seen through wraps and on the original.
import functools

def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w

@deco
def f(a, b=2, *, c=3):
    return a + b + c

print(f(1), f(1, 1, c=1))
print(f.__defaults__, f.__kwdefaults__)
print(f.__wrapped__.__defaults__, f.__wrapped__.__kwdefaults__)
