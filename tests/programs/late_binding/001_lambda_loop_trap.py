# Checks the classic late-binding trap with lambdas created in a loop.
fns = []
for i in range(4):
    fns.append(lambda: i * 10)
print([f() for f in fns])
i = -1
print([f() for f in fns])
