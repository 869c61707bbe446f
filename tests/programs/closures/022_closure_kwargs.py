# Checks closures forwarding *args and **kwargs with a bound prefix.
def bind(func, *pre, **kwpre):
    def call(*args, **kw):
        merged = dict(kwpre)
        merged.update(kw)
        return func(*pre, *args, **merged)
    return call

def show(a, b, c=0, *, sep="-"):
    return sep.join(map(str, (a, b, c)))

p = bind(show, 1, sep="+")
print(p(2))
print(p(2, 3))
print(p(2, c=9, sep="/"))
