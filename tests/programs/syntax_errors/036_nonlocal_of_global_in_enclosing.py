# Checks nonlocal cannot bind to a name the enclosing function declared global.
x = 0
def outer():
    global x
    x = 1
    def inner():
        nonlocal x
        x = 2
    return inner
