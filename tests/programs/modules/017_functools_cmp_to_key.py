# Checks functools.cmp_to_key with a custom comparator.
from functools import cmp_to_key

def cmp(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)

words = ["bb", "a", "ccc", "ab", "b"]
print(sorted(words, key=cmp_to_key(cmp)))
print(sorted(words, key=cmp_to_key(lambda a, b: cmp(b, a))))
nums = [3, 30, 34, 5, 9]
largest = sorted(map(str, nums), key=cmp_to_key(lambda a, b: (b + a > a + b) - (b + a < a + b)))
print("".join(largest))
