# Augmented assignment reads its target at the target's position: a missing key underlines d['k'].
counts = {}
words = ["a", "b", "a"]
counts["a"] = 0
print(counts)
for word in words:
    counts[word] += 1
