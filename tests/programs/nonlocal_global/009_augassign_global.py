# Checks augmented assignment on a global list vs rebinding needs global.
items = [1, 2]
def extend():
    items.extend([3])
    items[0] = 100
def rebind():
    global items
    items = items + [4]

extend()
print(items)
rebind()
print(items)
