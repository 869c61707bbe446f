# Checks a closure holding a cache dict computes fibonacci numbers quickly.
def memo_fib():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib, cache

fib, cache = memo_fib()
print(fib(90))
print(len(cache))
print(fib(10), len(cache))
