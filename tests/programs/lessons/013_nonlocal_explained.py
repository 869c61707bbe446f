# Checks what happens with and without nonlocal when assigning in an inner function.
def without_nonlocal():
    value = "outer"
    def inner():
        value = "inner"
        return value
    return inner(), value

def with_nonlocal():
    value = "outer"
    def inner():
        nonlocal value
        value = "inner"
        return value
    return inner(), value

print("without:", without_nonlocal())
print("with:   ", with_nonlocal())
