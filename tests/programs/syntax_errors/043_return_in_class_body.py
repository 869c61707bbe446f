# Checks "'return' outside function" inside a class body.
def describe(item):
    return "item: " + str(item)

class C:
    x = 1
    return x
