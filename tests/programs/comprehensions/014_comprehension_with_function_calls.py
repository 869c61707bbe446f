# Checks evaluation order of side effects inside a comprehension.
log = []
def f(x):
    log.append(("f", x))
    return x
def g(x):
    log.append(("g", x))
    return x % 2 == 0

res = [f(x) for x in range(4) if g(x)]
print(res)
print(log)
