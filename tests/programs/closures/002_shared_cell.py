# Checks two inner functions share the same cell of their enclosing scope.
def pair():
    value = 10
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

g, s = pair()
print(g())
s(42)
print(g())
s(g() * 2)
print(g())
g2, s2 = pair()
print(g2(), g())
