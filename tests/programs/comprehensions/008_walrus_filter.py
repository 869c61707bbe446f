# Checks walrus operator inside a comprehension condition reuses a computed value.
def slow_square(x):
    return x * x

results = [y for x in range(10) if (y := slow_square(x)) % 3 == 1]
print(results)
print(y)
