# Checks len and range with steps, negatives and indexing.
print(len(""), len([1, [2, 3]]), len({"a": 1}), len(range(10)), len(range(0, 10, 3)))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(3, 20, 4)
print(r, r[1], r[-1], r[1:3], 11 in r, 12 in r, r.index(15), r.count(7))
print(list(reversed(range(4))), range(0, 10, 2) == range(0, 9, 2), len(range(-5, 5, 2)))
