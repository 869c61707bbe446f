# Checks sorted with key and reverse, and sort stability.
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted("Hello World"), sorted([3, 1, 2], reverse=True))
words = ["kiwi", "fig", "apple", "date", "banana"]
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
lst = [5, 2, 9]
lst.sort()
print(lst, lst.sort(), sorted({3: "a", 1: "b"}))
