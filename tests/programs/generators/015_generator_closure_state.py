# Checks a generator closing over a variable sees updates made between next() calls.
def outer():
    mult = 1
    def gen():
        for i in range(4):
            yield i * mult
    g = gen()
    out = [next(g)]
    mult = 10
    out.append(next(g))
    mult = 100
    out.extend(g)
    return out

print(outer())
