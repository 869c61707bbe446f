# Checks combining operator and functools to compute dot products and composition.
import operator
from functools import reduce

def dot(a, b):
    return sum(map(operator.mul, a, b))

print(dot([1, 2, 3], [4, 5, 6]))
print(reduce(operator.or_, [1, 2, 4, 8]), reduce(operator.xor, [5, 3, 6]))
print(list(map(operator.itemgetter(1), [(1, "a"), (2, "b")])))
print(sorted(["b3", "a10", "c1"], key=lambda s: int(s[1:])))
