# Checks "cannot assign to literal here. Maybe you meant '==' instead of '='?".
numbers = [1, 2, 3]
total = sum(numbers)

x = 1
1 = x
