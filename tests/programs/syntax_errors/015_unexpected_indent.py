# Checks IndentationError "unexpected indent".
numbers = [1, 2, 3]
total = sum(numbers)

x = 1
    y = 2
print(x + y)
