# Checks a generator can use nonlocal to update its enclosing function's state.
def outer():
    produced = 0
    def gen(n):
        nonlocal produced
        for i in range(n):
            produced += 1
            yield i * i
    g = gen(4)
    first = next(g)
    mid = produced
    rest = list(g)
    return first, mid, rest, produced

print(outer())
