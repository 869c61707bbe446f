# Checks "can't use starred expression here".
a = [1, 2]
print(*a)
b = *a
