# Checks float accumulation error and how formatting hides it.
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, f"{total:.10f}", round(total, 10) == 1.0)
x = 1.0
while x + 1.0 != x:
    x *= 2.0
print(x, 2 ** 53)
print(0.1 + 0.7, 0.3 - 0.1, 4.35 * 100, 1.1 + 2.2)
