# Checks zip stops at the shortest generator and pulls one extra item from earlier ones.
def counted(name, n):
    for i in range(n):
        print(f"{name} yields {i}")
        yield i

pairs = list(zip(counted("A", 5), counted("B", 2)))
print(pairs)
