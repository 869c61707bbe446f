# Checks co_cellvars/co_freevars when nonlocal is used across three levels.
def a():
    n = 0
    def b():
        def c():
            nonlocal n
            n += 1
            return n
        return c
    return b

print(a.__code__.co_cellvars, a.__code__.co_freevars)
b = a()
print(b.__code__.co_cellvars, b.__code__.co_freevars)
c = b()
print(c.__code__.co_cellvars, c.__code__.co_freevars, c(), c())
