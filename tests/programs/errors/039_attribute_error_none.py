# Checks AttributeError on None (a common learner mistake with list.sort()).
nums = [3, 1, 2]
sorted_nums = nums.sort()
print(sorted_nums)
print(sorted_nums[0] if sorted_nums else sorted_nums.append(4))
