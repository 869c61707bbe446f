# Checks a tutorial memoize decorator and counts how many real calls happen.
import functools

def memoize(func):
    cache = {}
    @functools.wraps(func)
    def wrapper(*args):
        if args in cache:
            return cache[args]
        result = func(*args)
        cache[args] = result
        return result
    wrapper.cache = cache
    return wrapper

real_calls = 0
@memoize
def slow_fib(n):
    global real_calls
    real_calls += 1
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)

print(slow_fib(30), "computed with", real_calls, "real calls")
print(slow_fib(30), "second time, still", real_calls, "real calls")
print(sorted(slow_fib.cache)[:5], len(slow_fib.cache))
print(slow_fib.__name__, slow_fib.__wrapped__.__name__)
