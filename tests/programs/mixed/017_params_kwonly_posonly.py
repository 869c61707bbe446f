# Checks keyword-only, positional-only, *args and **kwargs parameter handling.
def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return f"a={a} b={b} c={c} args={args} d={d} e={e} kwargs={kwargs}"

print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=9))
print(f(1, c=7, d=8, b=99))
def g(*args, **kwargs):
    return args, kwargs
print(g(), g(1, x=2), g(*[1, 2], **{"k": "v"}))
def h(x, /, **kw):
    return x, kw
print(h(1, x=2))
