# Checks bitwise operations on negative integers (two's complement semantics).
for a, b in [(12, 10), (-12, 10), (-1, 255), (-8, -3)]:
    print(a, b, a & b, a | b, a ^ b, ~a)
print(-1 >> 10, -16 >> 2, -17 >> 2, 1 << 70, -3 << 4)
print((-5).bit_length(), (255).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
print(bin(-10), hex(-255), oct(-8), bin(0))
