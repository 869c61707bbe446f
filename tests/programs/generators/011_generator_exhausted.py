# Checks a generator can only be iterated once.
def three():
    yield from range(3)

g = three()
print(list(g))
print(list(g))
print(next(g, "default"))
