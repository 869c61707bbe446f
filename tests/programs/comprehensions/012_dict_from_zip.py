# Checks building dicts from zipped lists and enumerate within comprehensions.
keys = ["x", "y", "z"]
vals = [10, 20, 30, 40]
print({k: v for k, v in zip(keys, vals)})
print({i: k * (i + 1) for i, k in enumerate(keys)})
print(dict(zip(vals, keys)))
