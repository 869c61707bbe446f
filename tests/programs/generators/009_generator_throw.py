# Checks throw() injects an exception at the paused yield.
def g():
    while True:
        try:
            x = yield
            print("received", x)
        except ValueError as e:
            print("handled", e)
            yield "recovered"

it = g()
next(it)
it.send(1)
print(it.throw(ValueError("bad")))
next(it)
it.send(2)
try:
    it.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))
