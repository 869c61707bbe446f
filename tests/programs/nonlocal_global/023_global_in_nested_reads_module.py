# Checks a global declaration in an inner function bypasses an enclosing local of the same name.
value = "module value"
def outer():
    value = "outer value"
    def inner():
        global value
        return value
    def inner_plain():
        return value
    return inner(), inner_plain()

print(outer())
