# Checks printing a "diagram" of which functions share which cells.
def outer():
    a = 1
    b = 2
    def f():
        return a
    def g():
        return a + b
    def h():
        return b
    return f, g, h

fns = outer()
cells = {}
for fn in fns:
    for name, cell in zip(fn.__code__.co_freevars, fn.__closure__):
        cells.setdefault(name, []).append(fn.__name__)
for name in sorted(cells):
    print(f"cell {name!r} shared by {cells[name]}")
f, g, h = fns
print(f.__closure__[0] is g.__closure__[0], g.__closure__[1] is h.__closure__[0])
