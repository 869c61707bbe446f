# Checks close() and throw() on fresh, suspended and delegating generators.
def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner cleanup")

def outer():
    try:
        yield "o1"
        yield from inner()
    except GeneratorExit:
        print("outer saw GeneratorExit")
        raise

fresh = outer()
fresh.close()
print("fresh closed:", list(fresh))
g = outer()
print(next(g), next(g))
g.close()
print("delegating closed:", next(g, "done"))
t = inner()
try:
    t.throw(ValueError("early"))
except ValueError as e:
    print("throw into fresh generator:", e)
stubborn = (lambda: (yield 1))()
next(stubborn)
try:
    stubborn.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def ignores():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2
bad = ignores()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print("RuntimeError:", e)
