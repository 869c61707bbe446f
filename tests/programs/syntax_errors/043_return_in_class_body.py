# Checks "'return' outside function" inside a class body.
class C:
    x = 1
    return x
