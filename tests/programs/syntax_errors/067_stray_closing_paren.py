# Checks an unmatched ')'.
a = 1
b = 2
total = (a + b))
print(total)
