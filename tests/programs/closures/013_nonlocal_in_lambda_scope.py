# Checks a lambda inside a function sees variables rebound after its creation.
def f():
    val = "first"
    get = lambda: val
    val = "second"
    r1 = get()
    val = "third"
    return r1, get()

print(f())
