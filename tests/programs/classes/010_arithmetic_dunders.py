# Checks __add__, __radd__, __mul__, __neg__, __abs__ and NotImplemented fallback.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

v = Vec(3, 4)
print(v + Vec(1, 1), v * 2, 3 * v, -v, abs(v))
print(sum([Vec(1, 2), Vec(3, 4), Vec(5, 6)]))
try:
    v + 5
except TypeError as e:
    print("TypeError:", e)
