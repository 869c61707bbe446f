# Checks __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Bag:
    def __init__(self):
        self._d = {}
    def __len__(self):
        return len(self._d)
    def __getitem__(self, k):
        return self._d.get(k, 0)
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __iter__(self):
        return iter(sorted(self._d))

b = Bag()
b["x"] = 3
b["a"] = 1
print(len(b), b["x"], b["missing"], "a" in b, "q" in b)
del b["x"]
print(list(b), len(b))
