# Checks "invalid syntax. Perhaps you forgot a comma?".
def describe(item):
    return "item: " + str(item)

items = [1, 2 3, 4]
print(items)
