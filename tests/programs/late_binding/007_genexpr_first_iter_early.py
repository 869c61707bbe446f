# Checks a generator expression evaluates its first iterable immediately but the rest lazily.
data = [1, 2, 3]
factor = 10
g = (x * factor for x in data)
data = [100, 200]
factor = 2
print(list(g))
