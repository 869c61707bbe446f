# Checks nonlocal modifications from closures created in a loop all hit one cell.
def make():
    total = 0
    adders = []
    for step in (1, 10, 100):
        def add(step=step):
            nonlocal total
            total += step
        adders.append(add)
    for a in adders:
        a()
    adders[2]()
    return total

print(make())
