# Checks lru_cache with a bounded maxsize and eviction reflected in cache_info().
from functools import lru_cache

calls = []
@lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n

for n in [1, 2, 1, 3, 2, 1, 1]:
    square(n)
print(calls)
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
