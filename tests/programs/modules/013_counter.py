# Checks collections.Counter: most_common, arithmetic and element access.
from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"])
d = Counter(a=1, b=5)
print(c + d, c - d)
print(sorted(c.elements()), sum(c.values()), c.total())
c.update("aaz")
print(c.most_common(1), c["z"])
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}))
