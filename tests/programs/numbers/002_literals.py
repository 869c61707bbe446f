# Checks hex, octal, binary and underscore integer literals and float literals.
print(0xFF, 0o777, 0b1010, 0XaB, 0O17, 0B11)
print(1_000_000, 0x_FF_FF, 0b_1111_0000, 1_0.5_0)
print(1e3, 1E-3, .5, 5., 1_000.000_1, 0e0)
print(000, 0_0)
