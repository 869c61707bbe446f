# Checks function factories producing power functions with introspectable closures.
def power_factory(exp):
    def power(base):
        return base ** exp
    power.__name__ = f"power_{exp}"
    return power

square = power_factory(2)
cube = power_factory(3)
print(square(4), cube(2), [f(3) for f in (square, cube)])
print(square.__name__, square.__qualname__, square.__closure__[0].cell_contents)
