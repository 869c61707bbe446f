# Checks a, b: int annotates a tuple.
x: int = 1
print(x)
a, b: int
print(a)
