# Checks zip(*pairs) unzipping and dict construction from pairs.
pairs = [("a", 1), ("b", 2), ("c", 3)]
letters, nums = zip(*pairs)
print(letters, nums)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(dict(pairs), list(zip(*zip(*pairs))) == pairs)
