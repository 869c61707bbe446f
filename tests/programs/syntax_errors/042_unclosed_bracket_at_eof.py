# Checks "'[' was never closed" reported at end of file.
def helper(x, y=2):
    return x * y

data = [
    1,
    2,
