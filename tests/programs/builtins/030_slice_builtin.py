# Checks slice() objects and their indices() method.
s = slice(1, 10, 2)
data = list(range(12))
print(data[s], s.start, s.stop, s.step, slice(3))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print("abcdefgh"[slice(2, None)], data[slice(-2, None)])
