# Checks one function's global declaration does not affect another function's local.
v = "module"
def uses_global():
    global v
    v = "from uses_global"
def uses_local():
    v = "local only"
    return v

print(uses_local(), v)
uses_global()
print(uses_local(), v)
