# Checks locals() inside a function returns a snapshot dict of local names.
def f(a, b=2):
    c = a + b
    snap = locals()
    d = 99
    return sorted(snap.items())

print(f(1))
print(f(5, b=5))
