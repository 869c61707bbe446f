# Checks nonlocal binds to the nearest enclosing definition when names are shadowed.
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "inner wrote"
        inner()
        return x
    m = middle()
    return x, m

print(outer())
