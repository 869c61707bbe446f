# Checks class __name__, __qualname__, __bases__, __mro__ and __dict__ keys.
class Base:
    x = 1
class Child(Base):
    """Child doc."""
    y = 2
    def m(self):
        pass

print(Child.__name__, Child.__bases__, [k.__name__ for k in Child.__mro__])
print(sorted(k for k in Child.__dict__ if not k.startswith("__")), Child.__doc__)
print(Base.__bases__, object.__bases__, Child.__base__)
