# Checks operator precedence including unary minus and power.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 - 2 - 1, 2 * 3 % 4, 10 - 3 // 2)
print(not 1 == 2, 1 | 2 ^ 3 & 4, 1 << 2 + 1, -3 % 5, -(3 % 5))
print(1 < 2 and 2 < 3 or 0, 0 or "" or None or "last", 1 and 2 and 0 and 3)
