# Checks a closure capturing a bound method keeps the instance state.
class Box:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return len(self.items)

def adder_for(box):
    add = box.add
    def add_twice(x):
        add(x)
        return add(x)
    return add_twice

b = Box()
f = adder_for(b)
print(f("a"), f("b"))
print(b.items)
