# Checks generator expressions with sum/any/all short-circuiting.
nums = [3, 8, 1, 9, 4]
print(sum(x * x for x in nums))
checked = []
def big(x):
    checked.append(x)
    return x > 5
print(any(big(x) for x in nums), checked)
checked.clear()
print(all(big(x) for x in nums), checked)
