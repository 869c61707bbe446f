# Checks tuple operations, single-element tuples and comparisons.
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t.index(2), t.count(3), (1,), (), tuple("ab"))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
a, b, *rest = (1, 2, 3, 4)
print(a, b, rest)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(len(((),)), ((1, 2),)[0][1])
