# Checks @staticmethod and @classmethod decorators on a class hierarchy.
class Shape:
    count = 0
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls(*args)
    @staticmethod
    def unit():
        return "cm"
    def __repr__(self):
        return f"{type(self).__name__}()"

class Square(Shape):
    def __init__(self, side=1):
        self.side = side
    def __repr__(self):
        return f"Square({self.side})"

print(Shape.create(), Square.create(4))
print(Shape.count, Square.count)
print(Square.unit(), Square(2).unit())
