# Checks workarounds for class-body comprehensions that need class variables.
class Grid:
    size = 3
    cells = [[0] * n for n in [size] * size]
    labels = (lambda size: [f"r{i}" for i in range(size)])(size)
    try:
        broken = [size for _ in range(2)]
    except NameError as e:
        broken = f"NameError: {e}"

print(Grid.cells, Grid.labels)
print(Grid.broken)
