# Checks floor/ceil/round/int on negative floats and halfway cases.
import math
for x in [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -2.7, 2.7]:
    print(x, math.floor(x), math.ceil(x), round(x), int(x), x // 1, x % 1)
