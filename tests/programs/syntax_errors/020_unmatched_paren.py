# Checks "unmatched ')'".
def describe(item):
    return "item: " + str(item)

values = [1, 2, 3]
total = sum(values))
print(total)
