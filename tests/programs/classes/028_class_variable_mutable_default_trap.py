# Checks the shared mutable class attribute trap and the per-instance fix.
class Bad:
    tags = []
    def add(self, t):
        self.tags.append(t)
class Good:
    def __init__(self):
        self.tags = []
    def add(self, t):
        self.tags.append(t)

b1, b2 = Bad(), Bad()
b1.add("x")
print(b1.tags, b2.tags, b1.tags is b2.tags)
g1, g2 = Good(), Good()
g1.add("x")
print(g1.tags, g2.tags)
