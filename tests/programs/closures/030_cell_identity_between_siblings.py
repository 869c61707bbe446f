# Checks sibling closures share the very same cell object.
def outer():
    v = 0
    def a():
        return v
    def b():
        return v
    return a, b

a, b = outer()
print(a.__closure__[0] is b.__closure__[0])
a2, _ = outer()
print(a.__closure__[0] is a2.__closure__[0])
print(a.__closure__[0].cell_contents)
