# Checks what a class __dict__ holds besides its body: implicit wrappers, slot members, __dict__.
class Base:
    registry = []
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by = cls.__name__
        return obj
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry.append((cls.__name__, tag))
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

class Child(Base, tag="child"):
    pass

kinds = {k: type(v).__name__ for k, v in vars(Base).items() if k.startswith("__") and k != "__doc__"}
print(kinds)
print(Base.registry, Child[int], Child().made_by)
print(list(vars(Child)))

class Point:
    __slots__ = ("y", "x", "__secret")
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.__secret = x * y

p = Point(2, 3)
print([k for k in vars(Point) if not k.startswith("__")], type(Point.x).__name__)
print(p.x, p.y, p._Point__secret, hasattr(p, "__dict__"))
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)

class WithEq:
    def __eq__(self, other):
        return True
print(list(vars(WithEq)), WithEq.__hash__)
Dynamic = type("Dynamic", (Exception,), {"code": 7})
print(list(vars(Dynamic)), Dynamic.code)
