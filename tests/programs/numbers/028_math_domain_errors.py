# Checks math.sqrt of a negative raises ValueError and ** gives a float for fractional powers.
import math
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(4 ** 0.5, 27 ** (1 / 3), 8 ** (1 / 3) == 2.0)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
