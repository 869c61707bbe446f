# Checks unpacking with starred targets, nested targets and swaps.
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
head, *rest = [1]
print(head, rest)
(a, b), [c, *d] = (1, 2), [3, 4, 5]
print(a, b, c, d)
x, y = 1, 2
x, y = y, x
print(x, y)
print(*[1, 2], *"ab", sep=",")
merged = [*range(3), *"xy", *(7,)]
print(merged, {**{"a": 1}, "b": 2, **{"a": 3}})
for i, (name, *scores) in enumerate([("ann", 9, 8), ("bob", 7)]):
    print(i, name, scores)
