# Checks "name 'n' is parameter and nonlocal".
def outer():
    n = 0
    def inner(n):
        nonlocal n
        return n
    return inner
