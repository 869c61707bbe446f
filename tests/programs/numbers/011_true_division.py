# Checks true division always returns float, even for large ints.
print(10 / 2, 7 / 2, -7 / 2, 1 / 7)
print(10 ** 30 / 10 ** 10, 2 ** 1000 / 2 ** 999, (10 ** 400 + 1) // 10 ** 399)
print(type(4 / 2).__name__, 1 // 1.0, type(7 // 2).__name__)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
