# Checks groupby, permutations, combinations, repeat, cycle, zip_longest, takewhile, dropwhile.
from itertools import groupby, permutations, combinations, repeat, cycle, zip_longest, takewhile, dropwhile, islice, starmap, pairwise

print([(k, len(list(g))) for k, g in groupby("aaabccdddd")])
print(list(permutations("abc", 2)))
print(list(combinations(range(4), 3)))
print(list(repeat("x", 3)), list(islice(cycle([1, 2]), 5)))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise([1, 2, 3, 4])))
