# Checks a decorator usable both with and without parentheses.
def smart(func=None, *, prefix=">>"):
    def deco(f):
        def wrapper(*a):
            return prefix + " " + str(f(*a))
        return wrapper
    if func is not None:
        return deco(func)
    return deco

@smart
def one():
    return 1

@smart(prefix="##")
def two():
    return 2

print(one(), two())
