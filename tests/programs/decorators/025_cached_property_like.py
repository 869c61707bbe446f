# Checks a hand-written descriptor decorator caching a computed attribute.
class cached:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value

class Data:
    def __init__(self, xs):
        self.xs = xs
        self.computed = 0
    @cached
    def total(self):
        self.computed += 1
        return sum(self.xs)

d = Data([1, 2, 3])
print(d.total, d.total, d.computed)
print(type(Data.total).__name__)
