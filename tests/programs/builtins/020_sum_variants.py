# Checks sum with start, floats and rejection of strings.
print(sum([1, 2, 3], 10), sum([0.5, 0.25]), sum(range(1, 11)), sum([[1], [2]], []))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(sum([True, True, False]), sum(x * x for x in range(4)))
