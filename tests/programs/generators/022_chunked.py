# Checks a generator that splits an iterable into fixed-size chunks.
def chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)

print(list(chunks(range(10), 3)))
print(list(chunks("abcdef", 2)))
print(list(chunks([], 4)))
