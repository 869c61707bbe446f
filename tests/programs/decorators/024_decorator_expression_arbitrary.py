# Checks 3.9+ relaxed decorator grammar (subscripts and calls in decorator expressions).
decos = [lambda f: (lambda: f() + 1), lambda f: (lambda: f() * 10)]

class Holder:
    def __init__(self):
        self.d = {"twice": lambda f: (lambda: f() * 2)}

h = Holder()

@decos[0]
def a():
    return 1

@h.d["twice"]
@decos[1]
def b():
    return 3

print(a(), b())
