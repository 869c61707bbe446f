# Checks bools behave as ints in arithmetic.
print(True + True, True * 10, False - 1, True / 2, -True, ~True)
print(sum([True, False, True, True]), isinstance(True, int), True == 1, 1 + True)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(str(True), repr(False), int(True), float(False), bool(0.0), bool(-1), bool("0"))
