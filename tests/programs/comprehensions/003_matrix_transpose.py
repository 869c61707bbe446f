# Checks nested comprehensions producing a transposed matrix.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
t = [[row[i] for row in m] for i in range(len(m[0]))]
for row in t:
    print(row)
print([list(col) for col in zip(*m)] == t)
