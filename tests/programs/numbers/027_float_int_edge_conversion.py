# Checks conversions around float precision boundaries.
print(int(0.1 + 0.2 == 0.3), int(1e16 + 1), int(2 ** 63 * 1.0), int(-1e-300))
print(float(2 ** 1023) * 2, float(12345678901234567890))
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** 0.5 * 2 ** 0.5, 10 ** -2, 10.0 ** 2, 2 ** 0.0)
