# Checks TypeError when unpacking a non-iterable.
x, y = "ab"
print(x, y)
x, y = 5
