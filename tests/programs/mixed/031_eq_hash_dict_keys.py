# Checks custom objects as dict keys, __eq__ vs identity, and __hash__ consistency.
class Coord:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Coord) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"C({self.x},{self.y})"

visits = {}
for x, y in [(0, 0), (1, 2), (0, 0), (1, 2), (0, 0), (5, 5)]:
    c = Coord(x, y)
    visits[c] = visits.get(c, 0) + 1
print(visits)
a, b = Coord(1, 1), Coord(1, 1)
print(a == b, a is b, a != b, len({a, b}), Coord(1, 1) in [a])
