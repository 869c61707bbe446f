# Checks tuple unpacking and starred targets in comprehension for clauses.
pairs = [(1, "one"), (2, "two"), (3, "three")]
print([name * n for n, name in pairs])
rows = [(1, 2, 3, 4), (5, 6), (7,)]
print([(first, rest) for first, *rest in rows])
print([a + b for (a, b), c in [((1, 2), 3), ((4, 5), 6)]])
