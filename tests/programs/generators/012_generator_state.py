# Checks generator state transitions via local behavior (not inspect).
def g():
    yield 1

it = g()
print(type(it).__name__)
print(it.__name__, it.__qualname__)
print(iter(it) is it)
print(next(it))
print(next(it, "exhausted"))
