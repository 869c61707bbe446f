# Checks an uncaught StopIteration from next() on an exhausted iterator.
def first_two(iterable):
    it = iter(iterable)
    return next(it), next(it)

print(first_two("ab"))
print(first_two([1]))
