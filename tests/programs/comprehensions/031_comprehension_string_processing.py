# Checks comprehensions for string processing: acronyms, vowels, and char classes.
phrase = "Portable Network Graphics and the Joint Photographic Experts Group"
print("".join(w[0] for w in phrase.split() if w[0].isupper()))
print([w for w in phrase.lower().split() if sum(c in "aeiou" for c in w) >= 3])
print({c: phrase.lower().count(c) for c in "aeiou"})
print(["".join(sorted(w)) for w in phrase.split()[:3]])
