# Checks a try block with neither except nor finally.
def risky():
    return 1 / 0

try:
    risky()
print("after")
