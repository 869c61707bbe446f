# Checks len(__closure__) always equals len(co_freevars), in the same order.
def make(a, b, c):
    def uses_c_a():
        return c, a
    def uses_b():
        return b
    return uses_c_a, uses_b

for fn in make(1, 2, 3):
    names = fn.__code__.co_freevars
    vals = tuple(cell.cell_contents for cell in fn.__closure__)
    print(fn.__name__, names, vals, len(names) == len(fn.__closure__))
