# Checks divmod and three-argument pow, including negative exponents with modulus.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, 200, 13))
print(pow(3, -1, 7), pow(38, -1, 97), (3 * pow(3, -1, 7)) % 7)
print(pow(0, 0), 0 ** 0, 0.0 ** 0, (-2) ** 3, (-2) ** -2)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
