# Checks functools.reduce with and without an initializer, and on empty input.
from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3], 0))
print(reduce(operator.mul, range(1, 11), 1))
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2]))
print(reduce(operator.add, [], "empty-init"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
