# Checks a class line without ':'.
class Point
    x = 0
    y = 0

print(Point.x)
