# Checks the LEGB rule: local, enclosing, global, builtin lookups.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def enclosing_only():
        return x
    return inner(), enclosing_only()

def global_only():
    return x

def builtin_lookup():
    return len("abc")

print(outer(), global_only(), builtin_lookup())
len = lambda s: "shadowed!"
print(builtin_lookup())
del len
print(builtin_lookup())
