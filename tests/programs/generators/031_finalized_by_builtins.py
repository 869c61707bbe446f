# Checks when generators left suspended by builtins are closed: their finally blocks run at once.
import itertools

def numbers(tag, n):
    try:
        for i in range(n):
            yield i
    finally:
        print("closing", tag)

print(any(x > 1 for x in numbers("any", 5)))
print("after any")
print(list(zip(numbers("long", 9), numbers("short", 2))))
print("after zip")
print(list(itertools.islice(numbers("islice", 100), 3)))
first = next(numbers("next", 3))
print("first", first)

def pipeline():
    evens = (x for x in numbers("source", 10) if x % 2 == 0)
    squares = (e * e for e in evens)
    return sorted(itertools.takewhile(lambda s: s < 20, squares))

print(pipeline())
for v in numbers("loop", 10):
    if v == 2:
        break
print("after break")
g = numbers("rebound", 4)
print(next(g), next(g))
g = None
print("end")
