# Checks comprehensions read globals and enclosing locals but their loop variable does not leak.
k = "global k"
def f():
    data = [1, 2, 3]
    squares = [k * k for k in data]
    return squares, k

print(f())
x = 10
res = [x for x in range(3)]
print(res, x)
