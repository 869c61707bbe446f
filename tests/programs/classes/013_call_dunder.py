# Checks instances with __call__ are callable and work with map.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k

triple = Multiplier(3)
print(triple(7), callable(triple), callable(Multiplier), callable(3))
print(list(map(triple, [1, 2, 3])))
