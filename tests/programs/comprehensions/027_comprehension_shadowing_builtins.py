# Checks comprehension variables can shadow builtins without affecting the outer scope.
words = ["a", "bb", "ccc"]
lengths = [len for len in map(len, words)]
print(lengths, len(words))
print([str(list) for list in range(3)], list("ok"))
