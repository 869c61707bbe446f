# Checks builtins consume generators once (sum then max on same generator).
g = (x * x for x in range(5))
print(sum(g), sum(g))
g = (x for x in [3, 1, 2])
print(max(g), list(g))
g = (x for x in [3, 1, 2])
print(sorted(g), sorted(g))
print(len(list(map(str, range(7)))), tuple(filter(str.isdigit, "a1b2c3")))
