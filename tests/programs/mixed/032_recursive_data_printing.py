# Checks a recursive pretty-printer for nested dicts and lists.
def pretty(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                print(f"{pad}{k}:")
                pretty(v, indent + 1)
            else:
                print(f"{pad}{k}: {v!r}")
    elif isinstance(obj, list):
        for v in obj:
            if isinstance(v, (dict, list)):
                print(f"{pad}-")
                pretty(v, indent + 1)
            else:
                print(f"{pad}- {v!r}")

data = {"name": "demo", "tags": ["a", "b"], "owner": {"id": 7, "roles": ["admin", {"scope": "all"}]}, "empty": []}
pretty(data)
def depth(o):
    if isinstance(o, dict):
        return 1 + max((depth(v) for v in o.values()), default=0)
    if isinstance(o, list):
        return 1 + max((depth(v) for v in o), default=0)
    return 0
print("depth:", depth(data))
