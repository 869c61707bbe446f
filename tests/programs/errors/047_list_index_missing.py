# Checks ValueError from list.index on a missing item.
names = ["ann", "bob"]
print(names.index("bob"))
print(names.index("cy"))
