# Checks math module functions on integer and float inputs.
import math
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.sqrt(16), math.isqrt(17), math.pow(2, 10), 2 ** 10)
print(math.gcd(0, 0), math.gcd(12, 18, 24), math.lcm(3, 4, 6))
print(math.comb(52, 5), math.perm(4), math.factorial(0))
print(round(math.cos(math.pi), 12), round(math.atan2(1, 1) * 4, 12), math.exp(0), math.log1p(0))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
