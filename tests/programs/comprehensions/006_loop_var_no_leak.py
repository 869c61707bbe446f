# Checks the comprehension loop variable does not leak into the enclosing scope.
i = "unchanged"
squares = [i * i for i in range(5)]
print(i, squares)
def f():
    j = "local"
    _ = {j: j for j in range(3)}
    return j
print(f())
