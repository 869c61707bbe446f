# Checks itertools.groupby requires sorted input to group all equal keys.
from itertools import groupby

words = ["apple", "bob", "avocado", "banana", "cherry", "blue"]
print([(k, list(g)) for k, g in groupby(words, key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby(sorted(words), key=lambda w: w[0])])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 2, 2, 1])])
