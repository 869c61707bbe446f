# Checks common math module functions and constants.
import math
print(math.pi, math.e, math.tau, math.inf)
print(math.sqrt(2), math.isqrt(99), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.gcd(48, 180), math.lcm(4, 6), math.factorial(25), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log10(1000), math.log2(1024), math.log(8, 2))
print(math.fabs(-3), math.copysign(3, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), round(math.sin(math.pi / 6), 10))
print(math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)), math.fmod(-7, 2), -7 % 2)
