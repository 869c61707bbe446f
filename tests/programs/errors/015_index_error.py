# Checks uncaught IndexError from list indexing in a loop.
items = ["a", "b", "c"]

def show(i):
    print(i, items[i])

for i in range(4):
    show(i)
