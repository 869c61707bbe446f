# Checks comparisons between ints and floats, including large values.
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
print(0.1 + 0.2 > 0.3, 1 < 2.5 < 3, 3 > 2 == 2.0, True == 1, False < 1)
print(sorted([3, 1.5, True, -2, 0.0, 2 ** 70]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
