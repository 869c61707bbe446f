# Lesson 6: a decorator is a function that takes a function and returns a closure around it.
import functools

def count_calls(func):
    calls = 0
    @functools.wraps(func)              # copy func's name and docstring onto the wrapper
    def wrapper(*args, **kwargs):       # accept any arguments and pass them on unchanged
        nonlocal calls
        calls += 1
        print(f"call {calls} of {func.__name__}")
        return func(*args, **kwargs)
    return wrapper

def repeat(times):                      # a decorator factory: its result is the decorator
    def decorate(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate

def memoize(func):
    cache = {}                          # lives in a cell as long as the wrapper lives
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper

@count_calls
def greet(name, punctuation="!"):
    """Say hello."""
    return "hi " + name + punctuation

@repeat(3)
def roll():
    return "*"

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(greet("Ada"))
print(greet("Alan", punctuation="?"))
print(greet.__name__, greet.__doc__)
print(roll())
print(fib(12))
