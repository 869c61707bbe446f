# Checks a comprehension inside a nested function captures from two enclosing levels.
def outer(a):
    def middle(b):
        def inner(xs):
            return [x * a + b for x in xs]
        return inner
    return middle

print(outer(10)(1)([1, 2, 3]))
print(outer(10)(1).__code__.co_freevars)
