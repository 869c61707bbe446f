# Checks "duplicate argument 'x' in function definition".
numbers = [1, 2, 3]
total = sum(numbers)

def f(x, y, x):
    return x + y
print(f(1, 2, 3))
