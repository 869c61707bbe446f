# Checks generator functions inside closures have freevars and gi_frame locals.
def outer(limit):
    step = 2
    def gen():
        i = 0
        while i < limit:
            yield i
            i += step
    return gen

g = outer(7)
it = g()
print(g.__code__.co_freevars, g.__code__.co_varnames)
print(next(it), next(it), sorted(it.gi_frame.f_locals))
print(list(it))
