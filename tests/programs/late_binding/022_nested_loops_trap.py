# Checks late binding with two loop variables in nested loops.
fns = []
for i in range(2):
    for j in range(2):
        fns.append(lambda: (i, j))
print([f() for f in fns])
fixed = [lambda i=i, j=j: (i, j) for i in range(2) for j in range(2)]
print([f() for f in fixed])
