# Checks an unclosed list literal followed by statements.
names = ["ada", "grace"]
scores = [90, 85, 77
average = sum(scores) / len(scores)
print(names, average)
