# Checks closures created in a while loop see the final value of the counter.
def build():
    out = []
    n = 0
    while n < 3:
        out.append(lambda: n)
        n += 1
    return out

print([f() for f in build()])
