# Checks arbitrary function attributes and the function __dict__.
def f():
    return f.calls

f.calls = 0
f.meta = {"author": "me"}
print(f.__dict__)
f.calls += 1
print(f(), sorted(vars(f)))
del f.meta
print(f.__dict__, hasattr(f, "meta"))
print((lambda: 0).__dict__)
