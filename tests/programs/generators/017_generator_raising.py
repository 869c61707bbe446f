# Checks an exception inside a generator propagates to the consumer and ends it.
def g():
    yield 1
    raise RuntimeError("inside generator")
    yield 2

it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print("caught:", e)
print(next(it, "done"))
