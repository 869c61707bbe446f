# Checks '=' instead of '==' in a while condition, with an expression on the left.
items = [1, 2, 3]
i = 0
while items[i] = 3:
    i += 1
print(i)
