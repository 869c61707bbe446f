# Checks a logging decorator factory whose log list lives in the factory's closure.
import functools

def logger(level):
    entries = []
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            arg_text = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            result = func(*args, **kwargs)
            entries.append(f"[{level}] {func.__name__}({arg_text}) -> {result!r}")
            return result
        return wrapper
    decorator.entries = entries
    return decorator

info = logger("INFO")

@info
def add(a, b):
    return a + b

@info
def greet(name, punct="!"):
    return "hi " + name + punct

add(2, 3)
greet("ann", punct="?")
greet("bob")
print("\n".join(info.entries))
