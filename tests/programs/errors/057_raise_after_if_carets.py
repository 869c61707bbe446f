# Carets under a raise statement sharing its line with an if, and under a call with a comment after it.
def validate(items):
    for item in items:
        if item is None: raise TypeError("None in items")
    return len(items)

print(validate([1, 2]))
validate([1, None])  # the second item is bad
