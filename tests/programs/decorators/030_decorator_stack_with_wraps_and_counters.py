# Checks stacking a counting decorator and a memo decorator in both orders.
import functools

def counting(func):
    @functools.wraps(func)
    def w(*a):
        w.calls += 1
        return func(*a)
    w.calls = 0
    return w

def memo(func):
    cache = {}
    @functools.wraps(func)
    def w(*a):
        if a not in cache:
            cache[a] = func(*a)
        return cache[a]
    return w

@counting
@memo
def sq_outer(x):
    return x * x

@memo
@counting
def sq_inner(x):
    return x * x

for v in [2, 2, 3, 2]:
    sq_outer(v); sq_inner(v)
print(sq_outer.calls, sq_inner.__wrapped__.calls)
