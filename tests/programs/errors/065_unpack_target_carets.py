# Unpacking errors underline the target; for-loops over a non-iterable underline the whole statement.
pairs = [(1, 2), (3, 4, 5)]
for pair in pairs:
    print("pair", pair)
    first, second = pair
