# Checks cell_contents can be assigned to change what a closure sees.
def make():
    value = "original"
    def get():
        return value
    return get

g = make()
print(g())
g.__closure__[0].cell_contents = "patched"
print(g())
