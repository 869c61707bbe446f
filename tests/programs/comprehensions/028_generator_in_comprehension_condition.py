# Checks comprehensions whose condition uses any()/all() over an inner generator.
grid = [[1, 0, 3], [0, 0, 0], [4, 5, 6], [7, 0, 9]]
print([i for i, row in enumerate(grid) if any(row)])
print([i for i, row in enumerate(grid) if all(row)])
print([max(row) for row in grid if not all(v == 0 for v in row)])
print(sum(1 for row in grid for v in row if v))
