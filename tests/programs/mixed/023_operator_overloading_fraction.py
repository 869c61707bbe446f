# Checks a Fraction-like class with arithmetic, comparisons and normalization.
from math import gcd

class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        g = gcd(n, d) * (1 if d > 0 else -1)
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        return self + (-o)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    def __truediv__(self, o):
        return self * Frac(o.d, o.n)
    def __eq__(self, o):
        return (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        return self.n * o.d < o.n * self.d
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"

a, b = Frac(1, 3), Frac(1, 6)
print(a + b, a - b, a * b, a / b, 1 + a, a + 1, -a)
print(Frac(6, -8), Frac(0, 5), float(Frac(1, 8)), sorted([Frac(1, 2), Frac(1, 3), Frac(2, 3)]))
print(sum([Frac(1, n) for n in range(1, 7)]), Frac(2, 4) == Frac(1, 2), Frac(1, 3) < Frac(1, 2))
