# Checks operator.attrgetter with dotted paths and multiple attributes for sorting.
from operator import attrgetter, itemgetter

class Addr:
    def __init__(self, city):
        self.city = city
class Person:
    def __init__(self, name, age, city):
        self.name, self.age, self.addr = name, age, Addr(city)
    def __repr__(self):
        return self.name

people = [Person("ann", 30, "Oslo"), Person("bob", 25, "Bergen"), Person("cy", 30, "Bergen")]
print(sorted(people, key=attrgetter("addr.city", "name")))
print(sorted(people, key=attrgetter("age")), attrgetter("name", "age")(people[0]))
print(list(map(itemgetter(slice(1, 3)), ["abcd", "wxyz"])))
