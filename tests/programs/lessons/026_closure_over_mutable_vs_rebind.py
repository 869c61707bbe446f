# Checks mutating a captured list works without nonlocal but rebinding does not.
def make():
    items = []
    def add_mutate(x):
        items.append(x)
        return items
    def add_rebind(x):
        try:
            items = items + [x]
        except UnboundLocalError as e:
            return f"UnboundLocalError: {e}"
        return items
    return add_mutate, add_rebind

m, r = make()
print(m(1), m(2))
print(r(3))
