# Checks TypeError messages for bad function calls.
def f(a, b, *, c):
    pass

def g(x, /, y=1):
    pass

calls = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, 2, a=1, c=3),
    lambda: g(x=1),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: (lambda: 0)(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
