# Checks a, b += 1: illegal expression for augmented assignment.
a = 1
b = 2
a, b += 1
print(a, b)
