# Checks qualnames of functions defined inside comprehensions.
fs = [lambda: i for i in range(1)]
print(fs[0].__qualname__)
def outer():
    return [lambda: 0 for _ in range(1)][0]
print(outer().__qualname__)
g = (x for x in [])
print(g.__qualname__)
