# An error inside a generator consumed by sum(): the generator frame's carets.
def ratios(values):
    for v in values:
        yield 100 / v

print(sum(ratios([1, 2])))
print(sum(ratios([5, 0])))
