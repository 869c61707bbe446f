# Checks a class implementing __iter__ and __next__ directly.
class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

f = Fib(50)
print(list(f))
print(list(f))
print(sum(Fib(1000)), max(Fib(100)), 21 in Fib(30))
