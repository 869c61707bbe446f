# Checks a walrus inside a comprehension binds in the enclosing function scope.
def f(values):
    total = 0
    running = [total := total + v for v in values]
    return running, total

print(f([1, 2, 3, 4]))
last = None
flags = [last := c for c in "xyz"]
print(flags, last)
