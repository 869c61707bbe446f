# Checks ValueError when there are not enough values to unpack with a starred target.
def ends(seq):
    first, *middle, last = seq
    return first, last

print(ends([1, 2]))
print(ends([1]))
