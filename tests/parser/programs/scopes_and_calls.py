# Scope declarations, class keywords, complex decorators, calls of every shape.
counter = 0
def outer():
    x = 1
    def middle():
        nonlocal x
        global counter
        counter += 1
        x += 1
        def inner(a, /, b, *, c=3, **kw):
            nonlocal x
            return a, b, c, kw, x
        return inner
    return middle

class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, ns)

class Base(metaclass=Meta, flag=True):
    pass

class Child(Base, *(), **{}):
    attr = [i for i in range(3)]

@outer().__call__
@(lambda f: f)
@registry["key"].register(priority=1)
def decorated(): ...

f(*a, *b, **c, **d)
f(a, b=1, *c, d=2, **e)
f(x for x in y if x)
obj.method(1)(2)[3].attr(*args)
print(*range(3), sep=", ", end="\n")
x = a if b else c if d else e
y = (a if b else c) if d else e
z = lambda: (yield)
w = [*a, *b, c]
v = {**a, "b": 1, **c}
u = a < b == c > d is not e not in f
t = not a < b
s = -a ** -b ** c
r = a @ b @ c
q = ~a + +b - -c
p = a[b, c:d, ::e, ...]
o = a[:, None]
