# Checks an accumulator closure mutating a captured list without nonlocal.
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add

acc = make_acc()
print(acc(1))
print(acc("two"))
print(acc([3]))
other = make_acc()
print(other(0))
