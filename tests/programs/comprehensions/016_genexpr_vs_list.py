# Checks a generator expression is lazy while a list comprehension is eager.
log = []
def f(x):
    log.append(x)
    return x

lst = [f(x) for x in range(3)]
print(log)
log.clear()
gen = (f(x) for x in range(3))
print(log)
print(next(gen), log)
print(list(gen), log)
