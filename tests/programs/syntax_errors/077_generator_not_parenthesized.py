# Checks a generator expression that is not the only argument.
numbers = [1, 2, 3]
print(max(numbers))
print(sum(x * x for x in numbers))
print(sum(x for x in numbers, 10))
