# Checks isinstance relationships among bool, int and float.
vals = [True, 1, 1.0, -0.0, 10 ** 30]
for v in vals:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, float), isinstance(v, (int, float)))
print(issubclass(bool, int), issubclass(int, float), bool.__mro__[1].__name__)
