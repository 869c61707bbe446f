# Checks an exception propagates through several frames with finally cleanups.
trail = []
def a(n):
    try:
        return b(n)
    finally:
        trail.append("a")
def b(n):
    try:
        return c(n)
    finally:
        trail.append("b")
def c(n):
    trail.append("c")
    return 10 // n

print(a(2), trail)
trail.clear()
try:
    a(0)
except ZeroDivisionError as e:
    print("caught", e, trail)
