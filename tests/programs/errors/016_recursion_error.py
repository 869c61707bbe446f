# Checks RecursionError from unbounded recursion is uncaught.
def countdown(n):
    return countdown(n - 1)

print("recursing")
countdown(10)
