# Checks __setattr__ intercepting all assignments including those in __init__.
class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print(f"set {name} = {value!r}")
        super().__setattr__(name, value)

l = Logged()
l.b = "two"
l.a += 1
print(l.a, l.b)
