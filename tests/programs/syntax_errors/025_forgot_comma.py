# Checks "invalid syntax. Perhaps you forgot a comma?".
items = [1, 2 3, 4]
print(items)
