# Checks closures over a dict used as a tiny key-value store with history.
def store():
    data = {}
    log = []
    def put(k, v):
        old = data.get(k)
        data[k] = v
        log.append((k, old, v))
    def get(k, default=None):
        return data.get(k, default)
    def history():
        return log[:]
    return put, get, history

put, get, hist = store()
put("a", 1)
put("b", 2)
put("a", 3)
print(get("a"), get("b"), get("zz", "missing"))
for entry in hist():
    print(entry)
