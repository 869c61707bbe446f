# Checks float methods: is_integer, as_integer_ratio, fromhex/hex.
print((3.0).is_integer(), (3.5).is_integer(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print((10).bit_count(), (5).conjugate(), (7).numerator, (7).denominator, (2.5).real)
print(float.fromhex("0x1.8p1"), (1.5).hex(), (-0.0).hex())
print(float.is_integer(-0.0), (-2.5).as_integer_ratio(), (1e300).is_integer())
