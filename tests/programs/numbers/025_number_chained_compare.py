# Checks chained comparisons evaluate middle operands once.
def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(10))
print(1 < 2 > 1.5 != 2 == 2.0)
