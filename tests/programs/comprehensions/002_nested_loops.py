# Checks nested for clauses evaluate left-to-right like nested loops.
print([(i, j) for i in range(3) for j in range(i, 3)])
print([c + d for c in "ab" for d in "xyz" if d != "y"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([x for row in matrix for x in row])
