# Checks the factory-function fix gives each closure its own cell.
def make(i):
    return lambda: i * 10

fns = [make(i) for i in range(4)]
print([f() for f in fns])
print([f.__closure__[0].cell_contents for f in fns])
