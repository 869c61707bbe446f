# Checks OverflowError from math.exp on a huge argument.
import math
for x in (1, 100, 1000):
    print(x, math.exp(x))
