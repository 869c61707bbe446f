# Checks the value of a yield expression is None when resumed with next().
def echo():
    received = []
    for _ in range(3):
        x = yield len(received)
        received.append(x)
    yield received

e = echo()
print(next(e))
print(e.send("a"))
print(next(e))
print(e.send("c"))
