# Checks closures created inside a comprehension over a factory keep separate state.
def make_counter(start):
    n = start
    def step():
        nonlocal n
        n += 1
        return n
    return step

counters = [make_counter(s) for s in (0, 10, 100)]
print([c() for c in counters], [c() for c in counters])
print([c.__closure__[0].cell_contents for c in counters])
