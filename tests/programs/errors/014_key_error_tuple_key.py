# Checks KeyError with a tuple key and with an empty-string key.
grid = {(0, 0): "origin"}
print(grid[(0, 0)])
print(grid[(1, 2)])
