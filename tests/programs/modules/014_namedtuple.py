# Checks collections.namedtuple creation, repr, _replace, _asdict and defaults.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], tuple(p), p == (1, 2))
q = p._replace(x=10)
print(q, p, q._asdict(), Point._fields)
Color = namedtuple("Color", ["r", "g", "b"], defaults=[0, 0])
print(Color(255), Color(1, 2, 3))
x, y = p
print(x, y, Point._make([5, 6]))
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
