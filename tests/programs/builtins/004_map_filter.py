# Checks map with multiple iterables and filter with None and lambdas.
print(list(map(str.upper, ["a", "b"])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda n: n % 3 == 0, range(10))))
m = map(int, "123")
print(next(m), list(m), list(m))
