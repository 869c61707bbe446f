# Checks an LRU cache implemented with a dict relying on insertion order.
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = {}
    def get(self, k):
        if k not in self.d:
            return None
        v = self.d.pop(k)
        self.d[k] = v
        return v
    def put(self, k, v):
        self.d.pop(k, None)
        self.d[k] = v
        if len(self.d) > self.cap:
            oldest = next(iter(self.d))
            del self.d[oldest]
            return oldest
    def __repr__(self):
        return f"LRU({list(self.d.items())})"

c = LRU(2)
print(c.put("a", 1), c.put("b", 2), c.get("a"), c.put("c", 3), c)
print(c.get("b"), c.put("d", 4), c)
