# Checks local variables in a generator persist across yields, including loops and try.
def running_stats():
    count = 0
    total = 0.0
    smallest = None
    while True:
        x = yield (count, total, smallest)
        count += 1
        total += x
        smallest = x if smallest is None else min(smallest, x)

s = running_stats()
print(next(s))
for v in [4, 2.5, 9]:
    print(s.send(v))
