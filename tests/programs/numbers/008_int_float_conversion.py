# Checks int() truncation, float() parsing and int() with bases.
print(int(3.99), int(-3.99), int("  -17 "), int("0x1f", 16), int("1f", 16), int("0b101", 0))
print(int("1_000"), int("0o17", 8), int("z", 36), int("10", 2), int(True), int(-0.5))
print(float("3"), float("-1.5e2"), float(" .5 "), float(10 ** 20), float("1_0.5"))
print(int(1e20), int(2.5e-3), int(float("123456789012345678")))
for bad in ["1.5", "", "0x10", " 1 2 "]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
