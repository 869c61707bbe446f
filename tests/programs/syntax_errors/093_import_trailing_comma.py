# Checks from m import a, (trailing comma without parentheses).
from math import floor, ceil,
print(floor(2.5), ceil(2.5))
print("done")
print("more")
