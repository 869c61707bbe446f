# Checks grouping anagrams and building an index with dicts of lists.
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
    print(key, groups[key])
index = {}
for i, w in enumerate(words):
    for ch in set(w):
        index.setdefault(ch, []).append(i)
print({ch: index[ch] for ch in sorted(index) if len(index[ch]) > 3})
