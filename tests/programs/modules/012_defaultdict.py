# Checks collections.defaultdict with list, int and lambda factories.
from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
d = defaultdict(lambda: "N/A")
print(d["missing"], len(d), "other" in d)
print(groups)
print(defaultdict(int))
