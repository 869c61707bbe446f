# Checks send() passes through yield from to the subgenerator.
def sub():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def main():
    r = yield from sub()
    yield f"sub returned {r}"

m = main()
print(next(m))
print(m.send(5))
print(m.send(7))
print(m.send(None))
