# Checks locals() inside functions reflecting arguments and locals.
def f(a, *args, **kw):
    b = a * 2
    return locals()

res = f(1, 2, 3, x=4)
print(sorted(res))
print(res["a"], res["args"], res["kw"], res["b"])
