# Checks itertools.count with step and islice with start/stop/step.
from itertools import count, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 4)))
print(list(islice(count(1.5, 0.5), 3)))
print(list(islice("abcdefgh", 2, 7, 2)))
print(list(islice(range(100), 3)), list(islice([], 3)))
c = count(3)
print(next(c), next(c), c)
