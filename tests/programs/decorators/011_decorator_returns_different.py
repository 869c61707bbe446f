# Checks a decorator may return an arbitrary object replacing the function.
def to_constant(func):
    return func()

@to_constant
def answer():
    return 42

print(answer, type(answer).__name__)
