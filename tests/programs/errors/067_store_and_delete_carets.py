# Storing into a tuple item and deleting a missing key underline the target.
point = (1, 2)
print(point)
cache = {"x": 1}
del cache["x"]
print(cache)
del cache["y"]
