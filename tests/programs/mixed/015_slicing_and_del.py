# Checks list slicing, slice assignment and del statements.
nums = list(range(10))
print(nums[2:8:2], nums[::-3], nums[-2:], nums[:100])
nums[1:4] = ["a", "b"]
print(nums)
nums[::2] = [0] * len(nums[::2])
print(nums)
del nums[0]
del nums[-2:]
del nums[::3]
print(nums)
d = {"a": 1, "b": 2}
del d["a"]
x = 5
del x
print(d, "x" in globals())
nums[:] = []
print(nums)
