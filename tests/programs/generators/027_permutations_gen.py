# Checks a recursive generator producing permutations in lexicographic order.
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            yield [head] + rest

for p in perms([1, 2, 3]):
    print(p)
print(sum(1 for _ in perms("abcde")))
