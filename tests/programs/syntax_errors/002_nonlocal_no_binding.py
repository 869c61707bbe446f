# Checks "no binding for nonlocal 'x' found" when no enclosing function defines x.
x = "global"
def outer():
    def inner():
        nonlocal x
        x = 2
    return inner
print("never printed")
