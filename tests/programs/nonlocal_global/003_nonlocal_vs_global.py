# Checks nonlocal binds the nearest enclosing function scope, not the module.
x = "module"
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x

print(outer())
print(x)
