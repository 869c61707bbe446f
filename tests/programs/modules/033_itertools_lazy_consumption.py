# Checks how much of a generator itertools consume: islice, takewhile, groupby, tee, zip_longest.
from itertools import groupby, islice, takewhile, tee, zip_longest

def numbers(limit):
    for n in range(limit):
        print(f"  produce {n}")
        yield n

print(list(islice(numbers(10), 2)))
print(list(islice(numbers(10), 1, 6, 2)))
print(list(takewhile(lambda n: n < 2, numbers(10))))

groups = groupby("aabbbc")
key1, group1 = next(groups)
key2, group2 = next(groups)
print(key1, list(group1), key2, list(group2))
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])

left, right = tee(numbers(3))
print(next(left), next(left))
print(list(right), list(left))
print(list(zip_longest("abc", [1], fillvalue=0)))
