# Checks the outermost iterable of a comprehension is evaluated in the enclosing scope.
class A:
    data = [1, 2, 3]
    doubled = [x * 2 for x in data]
    try:
        pairs = [(x, y) for x in data for y in data]
    except NameError as e:
        pairs = "NameError: " + str(e)

print(A.doubled)
print(A.pairs)
