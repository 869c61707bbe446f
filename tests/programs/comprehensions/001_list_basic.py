# Checks list comprehensions with conditions and expressions.
nums = range(-4, 5)
print([n * n for n in nums])
print([n for n in nums if n % 2 == 0 and n])
print([abs(n) if n < 0 else -n for n in nums])
