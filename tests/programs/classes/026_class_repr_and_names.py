# Checks __name__, __qualname__ and __module__ of nested classes.
class Outer:
    class Inner:
        def m(self):
            pass

def make():
    class Local:
        pass
    return Local

print(Outer.__name__, Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
print(make().__qualname__, Outer.__module__)
print(repr(Outer.Inner), Outer)
print(type(Outer), type(type))
