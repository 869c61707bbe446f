# Checks genexpr variables do not leak and nested genexprs work.
x = "outer"
g = (x for x in range(3))
print(list(g), x)
matrix = [[1, 2], [3, 4], [5, 6]]
flat = (v for row in matrix for v in row if v != 4)
print(list(flat))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
