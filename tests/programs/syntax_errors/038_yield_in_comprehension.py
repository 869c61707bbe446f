# Checks "'yield' inside list comprehension".
def helper(x, y=2):
    return x * y

def f():
    return [(yield x) for x in range(3)]
print(f())
