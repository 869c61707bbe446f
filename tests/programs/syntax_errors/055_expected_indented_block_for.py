# Checks a for loop whose body is not indented.
items = [1, 2, 3]
total = 0
for item in items:
total += item
print(total)
