# Checks any/all on empty iterables and short-circuiting generators.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in [1, 5, -2]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]))
print(all(noisy(v) for v in [1, 0, 3]))
