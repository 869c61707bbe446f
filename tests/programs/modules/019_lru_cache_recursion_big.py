# Checks lru_cache enabling fast recursion on a combinatorial problem.
from functools import lru_cache

@lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5, 10, 20, 50, 100, 200)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])

print(ways(200))
print(ways.cache_info().currsize > 100)
