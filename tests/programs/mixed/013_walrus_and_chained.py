# Checks walrus operator in while loops and chained comparisons.
data = [5, 3, 8, 1, 9, 2]
it = iter(data)
found = []
while (n := next(it, None)) is not None:
    if 2 < n <= 8:
        found.append(n)
print(found, n)
if (count := len(found)) > 2:
    print(f"found {count} values")
print([y for x in data if (y := x * 2) > 10])
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, 1 < 3 > 2 < 4 != 5)
