# Checks sending a non-None value to a just-started generator raises TypeError.
def g():
    x = yield 1
    yield x

it = g()
try:
    it.send(5)
except TypeError as e:
    print("TypeError:", e)
print(it.send(None))
print(it.send("hello"))
