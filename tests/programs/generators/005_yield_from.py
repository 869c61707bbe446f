# Checks yield from delegates to a subgenerator and returns its value.
def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from "ab"

print(list(outer()))
