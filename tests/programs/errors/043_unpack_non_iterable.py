# Checks TypeError when unpacking a non-iterable.
def split_pair(pair):
    x, y = pair
    return y, x

print(split_pair("ab"))
print(split_pair(5))
