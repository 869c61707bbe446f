# Checks a nonlocal variable used as a for-loop target inside the inner function.
def outer():
    last = None
    def scan(items):
        nonlocal last
        for last in items:
            if last < 0:
                break
    scan([3, 5, -2, 7])
    first_result = last
    scan([1, 2])
    return first_result, last

print(outer())
