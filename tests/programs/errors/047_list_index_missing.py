# Checks ValueError from list.index on a missing item.
names = ["ann", "bob"]

def position(name):
    return names.index(name)

print(position("bob"))
print(position("cy"))
