# Checks arbitrary-precision integer arithmetic.
print(2 ** 100)
print(3 ** 200 % 1000007)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
print((10 ** 50 + 1) * (10 ** 50 - 1))
print(len(str(2 ** 1000)), sum(int(d) for d in str(2 ** 1000)))
