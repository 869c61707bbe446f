# Checks __closure__ is a tuple of cells whose cell_contents are the captured values.
def outer(a, b):
    c = a + b
    def inner():
        return a, c
    return inner

f = outer(1, 2)
print(type(f.__closure__).__name__, len(f.__closure__))
print([cell.cell_contents for cell in f.__closure__])
print(type(f.__closure__[0]).__name__)
print(outer.__closure__)
