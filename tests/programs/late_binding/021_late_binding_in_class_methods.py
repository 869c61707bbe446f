# Checks a lambda defined in a class-body loop looks the loop variable up as a global, not the class attribute.
def make_getter(name):
    return lambda self: getattr(self, "_" + name)

class Person:
    def __init__(self):
        self._name, self._age = "ann", 30
    name = property(make_getter("name"))
    age = property(make_getter("age"))
    for _field in ("name",):
        trap = lambda self: getattr(self, "_" + _field)

p = Person()
print(p.name, p.age, Person._field)
try:
    p.trap()
except NameError as e:
    print("NameError:", e)
_field = "age"
print(p.trap())
