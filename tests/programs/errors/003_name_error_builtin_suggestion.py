# Checks NameError suggestion for a misspelled builtin.
values = [3, 1, 2]
print(sorted(values))

def size(xs):
    return lenn(xs)

print(size(values))
