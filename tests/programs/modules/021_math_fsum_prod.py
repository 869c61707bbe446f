# Checks math.fsum accuracy against sum and math.prod with start.
import math
vals = [0.1] * 10 + [1e100, -1e100]
print(sum(vals), math.fsum(vals))
print(math.prod(range(1, 6)), math.prod([]), math.prod([2, 3], start=10), math.prod([0.5, 4]))
print(math.fsum([1e-16] * 10 + [1.0]), sum([1.0] + [1e-16] * 10))
