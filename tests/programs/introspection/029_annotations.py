# Checks __annotations__ on functions and classes (not evaluated lazily in 3.11).
def area(w: float, h: float = 1.0) -> float:
    return w * h

class Point:
    x: int
    y: int = 0

print(area.__annotations__)
print(Point.__annotations__, Point.y, hasattr(Point, "x"))
def noann(a, b):
    pass
print(noann.__annotations__)
