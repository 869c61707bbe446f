# Checks lexicographic string comparisons and sorting with key functions.
words = ["banana", "Apple", "cherry", "apple", "Banana", "äpfel"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "a" * 3 == "aaa")
