# Checks str() on various objects and number-to-string conversions.
print(str(123), str(-0.0), str(1e100), str(True), str(None), str([1, "a"]), str((1,)))
print(str({"k": (1, 2.5)}), str(3 + 0 == 3))
print(repr(str()), str("x") is not None)
print(int("  42  "), int("-0b101", 0), int("ff", 16), int("z", 36), float(" 1e3 "))
