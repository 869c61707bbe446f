# Checks a basic class with __init__, instance attributes and a method.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p, q = Point(1, 2), Point(4, 6)
print(p, q, p.dist2(q))
print(repr(p), str(q))
print([p, q])
