# Checks integer-focused math functions on large values.
import math
print(math.factorial(50))
print(math.comb(100, 50))
print(math.isqrt(10 ** 40 + 12345), math.isqrt(2) ** 2 <= 2)
print(math.gcd(2 ** 64, 6 ** 30), math.lcm(*range(1, 21)))
print(math.floor(10 ** 20 / 3), 10 ** 20 // 3)
