# Checks classes whose methods return closures that capture self.
class Counter:
    def __init__(self, name):
        self.name = name
        self.total = 0
    def incrementer(self, step):
        def inc():
            self.total += step
            return f"{self.name}: {self.total}"
        return inc

c = Counter("clicks")
by1, by5 = c.incrementer(1), c.incrementer(5)
print(by1(), by5(), by1())
print(by1.__code__.co_freevars, by1.__qualname__)
