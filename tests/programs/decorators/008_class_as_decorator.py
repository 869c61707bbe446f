# Checks a class with __call__ used as a decorator keeps state.
class Trace:
    def __init__(self, func):
        self.func = func
        self.history = []
    def __call__(self, *args):
        r = self.func(*args)
        self.history.append((args, r))
        return r

@Trace
def mul(a, b):
    return a * b

mul(2, 3)
mul(4, 5)
print(mul.history)
print(type(mul).__name__)
