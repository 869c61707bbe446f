# Checks a closure-based counter and a class-based counter behave the same.
def closure_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

class ClassCounter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n

for make in (closure_counter, ClassCounter):
    c = make()
    results = [c() for _ in range(3)]
    print(make.__name__, results, callable(c))
