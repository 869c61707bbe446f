# Checks // and % with negative operands follow floor semantics.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 10)]:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.0, 5)]:
    print(a, b, a // b, a % b, divmod(a, b))
