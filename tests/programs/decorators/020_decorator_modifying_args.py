# Checks a decorator that transforms arguments and results.
def normalize(func):
    def wrapper(*args, **kwargs):
        args = [a.strip().lower() if isinstance(a, str) else a for a in args]
        kwargs = {k: v * 2 if isinstance(v, int) else v for k, v in kwargs.items()}
        return func(*args, **kwargs)
    return wrapper

@normalize
def build(name, title, count=1):
    return f"{title}:{name}:{count}"

print(build("  ALICE ", "Dr"))
print(build("Bob", " MR ", count=3))
