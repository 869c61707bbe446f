# Checks lru_cache treats keyword vs positional calls as distinct keys.
from functools import lru_cache

@lru_cache
def f(a, b=1):
    return a + b

f(1); f(1); f(a=1); f(1, 1); f(1, b=1)
print(f.cache_info())
print(f.__wrapped__(5), f.__name__)
