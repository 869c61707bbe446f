# Checks enumerate with start and zip with differing lengths and strict mode.
names = ["ann", "bob", "cy"]
print(list(enumerate(names)))
print(list(enumerate(names, start=1)))
print(list(zip(names, [1, 2, 3, 4], "xy")))
print(list(zip()), list(zip([1, 2])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
for i, (n, s) in enumerate(zip(names, [90, 80, 70]), 10):
    print(i, n, s)
