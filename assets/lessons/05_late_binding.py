# Lesson 5: a closure captures the variable, not its value at the time. All lambdas made in
# one loop share the loop variable's cell, so they all see its last value.
def make_multipliers():
    funcs = []
    for i in range(3):
        funcs.append(lambda x: x * i)        # every lambda reads the same cell i
    return funcs

print([f(10) for f in make_multipliers()])   # [20, 20, 20]

# Fix 1: a default argument is evaluated when the lambda is made.
def make_multipliers_default():
    funcs = []
    for i in range(3):
        funcs.append(lambda x, i=i: x * i)
    return funcs

print([f(10) for f in make_multipliers_default()])   # [0, 10, 20]

# Fix 2: a factory function gives each closure a cell of its own.
def make_multiplier(i):
    return lambda x: x * i

print([make_multiplier(i)(10) for i in range(3)])     # [0, 10, 20]
