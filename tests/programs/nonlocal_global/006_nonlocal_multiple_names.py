# Checks one nonlocal statement listing several names.
def stats():
    n = total = 0
    lo = hi = None
    def add(x):
        nonlocal n, total, lo, hi
        n += 1
        total += x
        lo = x if lo is None or x < lo else lo
        hi = x if hi is None or x > hi else hi
        return n, total, lo, hi
    return add

add = stats()
for v in [5, -2, 9, 3]:
    print(add(v))
