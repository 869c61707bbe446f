# Checks "nonlocal declaration not allowed at module level".
def describe(item):
    return "item: " + str(item)

print("never printed")
nonlocal counter
counter = 1
