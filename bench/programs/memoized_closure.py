# A memoizing decorator built from a closure over a dict, on a recursive function with many distinct keys.
def memoize(fn):
    cache = {}
    def wrapper(n, k):
        key = (n, k)
        if key not in cache:
            cache[key] = fn(n, k)
        return cache[key]
    return wrapper

@memoize
def paths(n, k):
    if n == 0 or k == 0:
        return 1
    return (paths(n - 1, k) + paths(n, k - 1)) % 1_000_000_007

total = 0
for size in range(200, 401, 50):
    total += paths(size, size)
print(total % 1_000_000_007)
