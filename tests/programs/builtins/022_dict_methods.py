# Checks dict methods: get, setdefault, pop, popitem, update, keys/values/items order, fromkeys.
d = {"b": 1, "a": 2}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("e", 5))
print(d.pop("b"), d.pop("zz", "none"), d.popitem(), d)
d.update({"a": 0}, f=6)
d.update([("g", 7)])
print(d, len(d), "a" in d, 0 in d)
print(dict.fromkeys("xyz", 0), dict.fromkeys([1, 2]))
del d["a"]
print(d, {**d, "h": 8}, d | {"e": 50})
