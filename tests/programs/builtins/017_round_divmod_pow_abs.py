# Checks round/divmod/pow/abs builtins with various numeric types.
print(round(3.14159, 3), round(-2.5), round(2.5), round(1234, -1), round(5, 2))
print(divmod(100, 7), divmod(-100, 7), divmod(7.5, 2))
print(pow(7, 2), pow(7, 2, 5), pow(2.0, 3), pow(4, 0.5), pow(-8, 2))
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
