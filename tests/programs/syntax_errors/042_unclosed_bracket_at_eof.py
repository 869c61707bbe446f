# Checks "'[' was never closed" reported at end of file.
data = [
    1,
    2,
