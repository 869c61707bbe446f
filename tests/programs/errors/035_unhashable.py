# Checks TypeError for an unhashable dict key.
d = {}
d["ok"] = 1
print(d)
d[["list", "key"]] = 2
