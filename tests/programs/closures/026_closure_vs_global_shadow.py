# Checks an enclosing local shadows a global of the same name inside closures.
name = "global"
def outer():
    name = "enclosing"
    def inner():
        return name
    return inner

def other():
    def inner():
        return name
    return inner

print(outer()(), other()())
name = "changed global"
print(outer()(), other()())
