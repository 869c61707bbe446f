# Checks lambdas in default values and decorator arguments belong to the enclosing scope.
registry = {}

def register(key_fn):
    def deco(func):
        registry[func.__name__] = key_fn
        return func
    return deco

def outer(scale):
    @register(lambda v: v * scale)
    def first(
            data,
            key=lambda item: -item * scale):
        return sorted(data, key=key)
    return first

f = outer(2)
print(f([3, 1, 2]))
print(registry["first"](10))
print(f.__defaults__[0].__qualname__, registry["first"].__qualname__)
print(outer.__code__.co_cellvars, f.__code__.co_freevars)
