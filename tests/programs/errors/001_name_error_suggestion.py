# Checks an uncaught NameError with a "Did you mean" suggestion for a local typo.
def tally(items):
    count = 0
    for item in items:
        count += item
    return cout

print("start")
print(tally([1, 2, 3]))
