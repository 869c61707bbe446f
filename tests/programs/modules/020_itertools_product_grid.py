# Checks using product and combinations to solve small search problems.
from itertools import product, combinations

triples = [(a, b, c) for a, b, c in product(range(1, 21), repeat=3) if a < b and a * a + b * b == c * c]
print(triples)
print([combo for combo in combinations([3, 5, 7, 11, 13], 3) if sum(combo) == 25])
