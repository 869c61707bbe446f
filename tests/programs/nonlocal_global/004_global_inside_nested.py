# Checks global inside a nested function skips enclosing function scopes.
x = "module"
def outer():
    x = "outer"
    def inner():
        global x
        x = "set by inner"
    inner()
    return x

print(outer())
print(x)
