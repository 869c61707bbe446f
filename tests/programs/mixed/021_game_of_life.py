# Checks a few generations of Conway's Game of Life on a small grid.
def step(cells, w, h):
    def neighbours(r, c):
        return sum((r + dr, c + dc) in cells for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
    return {(r, c) for r in range(h) for c in range(w)
            if neighbours(r, c) == 3 or ((r, c) in cells and neighbours(r, c) == 2)}

def show(cells, w, h):
    return "\n".join("".join("#" if (r, c) in cells else "." for c in range(w)) for r in range(h))

glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
cells = glider
for gen in range(3):
    print(f"gen {gen}:")
    print(show(cells, 5, 5))
    cells = step(cells, 5, 5)
print(sorted(cells))
