# Checks __wrapped__ chains through multiple functools.wraps decorators.
import functools

def d1(f):
    @functools.wraps(f)
    def w1(*a):
        return "d1(" + f(*a) + ")"
    return w1

def d2(f):
    @functools.wraps(f)
    def w2(*a):
        return "d2(" + f(*a) + ")"
    return w2

@d1
@d2
def core(x):
    """core doc"""
    return str(x)

print(core(1), core.__name__, core.__doc__)
print(core.__wrapped__(2), core.__wrapped__.__wrapped__(3))
