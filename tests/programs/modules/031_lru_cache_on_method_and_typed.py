# Checks lru_cache(typed=True) distinguishes int and float arguments.
from functools import lru_cache

@lru_cache(maxsize=8, typed=True)
def half(x):
    return x / 2

half(2); half(2.0); half(2); half(3)
print(half.cache_info())

@lru_cache(maxsize=8)
def half_untyped(x):
    return x / 2
half_untyped(2); half_untyped(2.0)
print(half_untyped.cache_info())
