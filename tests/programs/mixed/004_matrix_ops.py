# Checks matrix multiplication, transpose, identity and determinant with lists.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(r) for r in zip(*m)]

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]

def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))

A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
print(matmul(A, B), matmul(B, A))
print(transpose([[1, 2, 3], [4, 5, 6]]))
print(matmul(A, identity(2)) == A, det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
M = [[1, 1], [1, 0]]
R = identity(2)
for _ in range(10):
    R = matmul(R, M)
print(R)
