# Checks functools.lru_cache as a decorator and its cache_info counters.
from functools import lru_cache

@lru_cache(maxsize=None)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

print(paths(10, 10))
print(paths.cache_info())
paths.cache_clear()
print(paths.cache_info())
