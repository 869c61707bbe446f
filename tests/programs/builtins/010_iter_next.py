# Checks iter/next including the two-argument iter(callable, sentinel) form.
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
values = iter([5, 4, 0, 3])
print(list(iter(lambda: next(values), 0)))
count = 0
def tick():
    global count
    count += 1
    return count
print(list(iter(tick, 4)))
s = iter("ab")
print(iter(s) is s, list(s))
