# Checks generators combined with closures: a resettable sequence factory.
def sequence(start, step):
    current = start
    def gen(limit):
        nonlocal current
        while current < limit:
            yield current
            current += step
    def reset():
        nonlocal current
        current = start
    return gen, reset

gen, reset = sequence(0, 3)
print(list(gen(10)))
print(list(gen(20)))
reset()
print(list(gen(7)))
