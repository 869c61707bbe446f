# Checks inf/nan creation, comparisons and arithmetic.
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(1e308 * 10, -1e308 * 10)
print(max(1, inf), min(-inf, 0), [nan] == [nan], nan in [nan])
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
