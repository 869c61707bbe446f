# Checks sum/min/max with mixed numeric types and start values.
print(sum([1, 2, 3]), sum([1, 2.5]), sum([], 10), sum(range(101)), sum([0.1] * 3))
print(min(3, 1.0, 2), max([1, 5, 3], default=0), max([], default="empty"))
print(sum([[1], [2, 3]], []), sum((x for x in range(5)), 100))
print(abs(-7), abs(-7.5), abs(3), abs(-0.0), abs(-2 ** 100))
