# Checks str/int/float round trips and large int string conversion.
big = 7 ** 77
s = str(big)
print(len(s), s[:10], s[-10:], int(s) == big)
print(float(repr(0.1)) == 0.1, repr(float("0.30000000000000004")))
print(int("-" + "9" * 30) + 1)
print(str(-0), str(+0.0), str(-0.0), -0.0 == 0.0)
