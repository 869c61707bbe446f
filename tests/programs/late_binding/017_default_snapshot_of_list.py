# Checks a default arg snapshots the object reference, so later mutations still show.
items = [1]
def f(x=items):
    return x

items.append(2)
print(f())
items = ["new"]
print(f(), items)
