# Checks the order of evaluation of key and value in dict comprehensions (3.8+: key first).
log = []
def k(x):
    log.append(f"k{x}")
    return x
def v(x):
    log.append(f"v{x}")
    return x * 10
d = {k(i): v(i) for i in range(3)}
print(d)
print(log)
log.clear()
d2 = {k(1): v(1), k(2): v(2)}
print(log)
