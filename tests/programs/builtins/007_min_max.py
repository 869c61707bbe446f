# Checks min/max with key, default and error on empty input.
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max([], default=None), min((), default=-1), max(3, 7, 5), min("hello"))
print(max([(1, "b"), (1, "a"), (0, "z")]), max(words, key=lambda w: w[-1]))
print(max([2, 5, 5, 1], key=lambda x: -x), min([4, 4], key=abs))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
