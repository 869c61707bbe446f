# Checks a recursive generator walking a nested list structure with yield from.
def walk(node, depth=0):
    if isinstance(node, list):
        for child in node:
            yield from walk(child, depth + 1)
    else:
        yield depth, node

tree = [1, [2, [3, 4], 5], [[[6]]]]
for depth, value in walk(tree):
    print("  " * depth + str(value))
print(sum(v for _, v in walk(tree)))
