# Checks a decorator factory that tags output with a configurable prefix and repeat count.
def prefix(text, times=1):
    print(f"factory called with {text!r}")
    def decorator(func):
        print(f"decorating {func.__name__}")
        def wrapper(*args):
            return [f"{text}{func(*args)}" for _ in range(times)]
        return wrapper
    return decorator

@prefix(">> ", times=2)
def shout(word):
    return word.upper()

print(shout("hi"))
plain = prefix("# ")(lambda w: w)
print(plain("raw"))
