# Checks return inside a generator loop stops iteration early.
def until_negative(nums):
    for n in nums:
        if n < 0:
            return f"stopped at {n}"
        yield n

print(list(until_negative([1, 2, -3, 4])))
g = until_negative([5, -1])
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value)
