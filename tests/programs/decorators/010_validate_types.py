# Checks a decorator factory validating argument types and raising TypeError.
def accepts(*types):
    def deco(func):
        def wrapper(*args):
            for i, (a, t) in enumerate(zip(args, types)):
                if not isinstance(a, t):
                    raise TypeError(f"arg {i} of {func.__name__} must be {t.__name__}, got {type(a).__name__}")
            return func(*args)
        return wrapper
    return deco

@accepts(int, str)
def label(n, s):
    return s * n

print(label(3, "ab"))
try:
    label("3", "ab")
except TypeError as e:
    print("TypeError:", e)
