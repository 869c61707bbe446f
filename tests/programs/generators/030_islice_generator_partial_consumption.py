# Checks partially consuming a generator with islice leaves it resumable.
from itertools import islice

def letters():
    for c in "abcdefgh":
        yield c

g = letters()
print(list(islice(g, 3)))
print(next(g))
print(list(islice(g, 2, None)))
print(list(g))
