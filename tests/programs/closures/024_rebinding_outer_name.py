# Checks rebinding the outer function's name does not affect a closure already created.
def make():
    def inner():
        return "inner result"
    return inner

held = make()
def make():
    return None
print(held())
print(make())
print(held.__name__, held.__qualname__)
