# Checks nonlocal finds a binding two levels up when the middle level lacks it.
def a():
    v = 1
    def b():
        def c():
            nonlocal v
            v += 10
            return v
        return c
    c = b()
    c(); c()
    return v

print(a())
