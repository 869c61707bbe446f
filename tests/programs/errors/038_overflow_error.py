# Checks OverflowError from math.exp on a huge argument.
import math

def grow(x):
    return math.exp(x)

for x in (1, 100, 1000):
    print(x, grow(x))
