# Checks "duplicate argument 'x' in function definition".
def f(x, y, x):
    return x + y
print(f(1, 2, 3))
