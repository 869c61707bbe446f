# Checks a basic decorator wrapping a function and printing before/after.
def announce(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@announce
def add(a, b=0):
    return a + b

add(1, 2)
add(5, b=7)
print(add.__name__)
