# Checks __defaults__ and __kwdefaults__ and that mutating them changes calls.
def f(a, b=2, c=[3], *, d=4, e):
    return a, b, c, d, e

print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (20, "c!")
print(f(1, e=5))
f.__kwdefaults__ = {"d": 40, "e": 50}
print(f(1))
def g():
    pass
print(g.__defaults__, g.__kwdefaults__)
