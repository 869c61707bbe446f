# Checks "'yield' inside list comprehension".
def f():
    return [(yield x) for x in range(3)]
print(f())
