# Checks __iadd__ mutation vs fallback to __add__ for += on custom objects.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __repr__(self):
        return f"Acc({self.v})"

class Plain:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Plain(self.v + o)
    def __repr__(self):
        return f"Plain({self.v})"

a = Acc(1); alias = a
a += 5
print(a, alias, a is alias)
p = Plain(1); alias2 = p
p += 5
print(p, alias2, p is alias2)
