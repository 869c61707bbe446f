# Checks KeyError with a tuple key.
grid = {(0, 0): "origin", (1, 0): "east"}
for pos in sorted(grid):
    print(pos, grid[pos])
row, col = 1, 2
print(grid[(row, col)])
