# Checks del of a literal.
numbers = [1, 2, 3]
del numbers[0]
print(numbers)
del 1
