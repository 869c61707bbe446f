# Checks a data descriptor with __get__/__set__/__set_name__ validating values.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)

class Rect:
    w = Positive()
    h = Positive()
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

r = Rect(3, 4)
print(r.area())
try:
    r.h = -1
except ValueError as e:
    print("ValueError:", e)
print(r.h)
