# Checks the try's return value is computed before finally runs.
def f():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
        x = "rebound"

def g():
    n = 1
    try:
        return n
    finally:
        n = 100

print(f(), g())
