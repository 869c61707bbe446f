# Checks "multiple starred expressions in assignment".
def describe(item):
    return "item: " + str(item)

*a, *b = [1, 2, 3]
print(a, b)
