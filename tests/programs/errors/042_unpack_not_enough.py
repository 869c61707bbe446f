# Checks ValueError when there are not enough values to unpack with a starred target.
first, *middle, last = [1, 2]
print(first, middle, last)
first, *middle, last = [1]
