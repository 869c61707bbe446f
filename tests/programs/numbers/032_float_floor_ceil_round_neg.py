# Checks floor/ceil/round/int on negative floats and halfway cases.
import math
for x in [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -2.7, 2.7]:
    print(x, math.floor(x), math.ceil(x), round(x), int(x), x // 1, x % 1)
print(math.floor(-0.0), math.ceil(-0.5), round(-0.5, 0), -7 // 2.0, -7 % 2.0)
print(int(-1e-9), math.trunc(-1.999), round(-1.5) == -2)
