# Checks each closure instance gets fresh cells even from the same code object.
def make(v):
    def get():
        return v
    return get

fs = [make(c) for c in "abc"]
print([f() for f in fs])
print(fs[0].__code__ is fs[1].__code__)
print(fs[0] is fs[1])
print(fs[0].__closure__[0] is fs[1].__closure__[0])
