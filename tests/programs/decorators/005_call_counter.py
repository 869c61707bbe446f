# Checks a call-counting decorator that stores state on the wrapper function.
import functools

def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@counted
def square(x):
    return x * x

@counted
def noop():
    pass

for i in range(5):
    square(i)
noop()
print(square.calls, noop.calls)
