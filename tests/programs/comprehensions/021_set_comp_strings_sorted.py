# Checks set comprehension over strings printed deterministically via sorted().
words = "the quick brown fox jumps over the lazy dog the end".split()
unique = {w for w in words}
print(sorted(unique))
print(len(unique), len(words))
vowels = {c for w in words for c in w if c in "aeiou"}
print("".join(sorted(vowels)))
