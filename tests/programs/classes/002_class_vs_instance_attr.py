# Checks class attributes are shared until shadowed by instance attributes.
class Dog:
    tricks = []
    kind = "canine"
    def __init__(self, name):
        self.name = name

a, b = Dog("rex"), Dog("fido")
a.tricks.append("roll")
b.kind = "wolfish"
print(a.tricks, b.tricks, Dog.tricks)
print(a.kind, b.kind, Dog.kind)
Dog.kind = "CANINE"
print(a.kind, b.kind)
print(sorted(vars(b)))
