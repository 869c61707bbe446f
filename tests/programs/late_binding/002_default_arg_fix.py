# Checks the default-argument fix freezes the loop value at definition time.
fns = [lambda i=i: i * 10 for i in range(4)]
print([f() for f in fns])
print(fns[2](7))
