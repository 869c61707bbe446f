# Checks list/tuple/dict/set/frozenset/bool constructors.
print(list("abc"), tuple([1, 2]), list({"k": 1, "j": 2}), list((1,)))
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
print(set([3, 1, 3, 2]), frozenset([2, 2, 1]), set(), frozenset())
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(None), bool(range(0)))
print(tuple(), list(), dict(), str(), int(), float())
