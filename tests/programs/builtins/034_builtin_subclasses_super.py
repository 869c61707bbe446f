# Checks subclasses of list, dict, int and str that extend them through super().
class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)
        self.pushes = 0
    def push(self, item):
        self.pushes += 1
        super().append(item)
    def __repr__(self):
        return "Stack" + super().__repr__()

s = Stack(x * x for x in range(3))
s.push(9)
print(s, len(s), s.pushes, s[-1], isinstance(s, list), type(s).__name__)

class DefaultZero(dict):
    def __missing__(self, key):
        return 0
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)

d = DefaultZero(a=1)
d["b"] = 2
print(d["a"], d["b"], d["zzz"], sorted(d.items()))

class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))
    def __str__(self):
        return f"${int(self) / 100:.2f}"

m = Money(1234.6)
print(m, m + 1, int(m) * 2, isinstance(m, int), repr(m))

class Tag(str):
    def wrap(self):
        return "<" + self + ">"
    def upper(self):
        return Tag(super().upper())

t = Tag("em")
print(t.wrap(), t.upper().wrap(), t == "em", len(t), type(t.upper()).__name__)

class Loud(Exception):
    def __init__(self, what, volume):
        super().__init__(what)
        self.volume = volume
    def __str__(self):
        return super().__str__().upper() + "!" * self.volume

try:
    raise Loud("stop", 3)
except Loud as e:
    print(e, e.args, repr(e))
