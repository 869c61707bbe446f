# Checks __name__ and __qualname__ are writable and affect repr-free output and error messages.
def f(x):
    return x

f.__name__ = "renamed"
f.__qualname__ = "Some.renamed"
print(f.__name__, f.__qualname__, f.__code__.co_name)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
