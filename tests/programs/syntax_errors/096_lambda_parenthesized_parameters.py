# Checks lambda (x, y): ... (Python 2 tuple parameters).
pairs = [(1, 2), (3, 4)]
add = lambda (x, y): x + y
print([add(p) for p in pairs])
print("done")
