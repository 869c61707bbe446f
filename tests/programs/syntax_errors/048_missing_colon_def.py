# Checks a missing ':' after a def line ("expected ':'", forced by the grammar).
total = 0

def add(a, b)
    return a + b

print(add(1, 2))
