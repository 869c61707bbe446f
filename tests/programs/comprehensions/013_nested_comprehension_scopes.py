# Checks an inner comprehension can reference the outer comprehension's variable.
grid = [[(r, c) for c in range(r + 1)] for r in range(3)]
for row in grid:
    print(row)
print([[y for y in range(x)] for x in range(4)])
