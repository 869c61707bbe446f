# Checks "name 'count' is assigned to before nonlocal declaration".
def outer():
    count = 0
    def inner():
        count = 1
        nonlocal count
        return count
    return inner
