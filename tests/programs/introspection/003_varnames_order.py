# Checks co_varnames ordering: positional, keyword-only, *args, **kwargs, then locals.
def f(a, b, /, c, *args, d, e=1, **kw):
    local1 = 1
    for local2 in range(2):
        pass
    return local1

code = f.__code__
print(code.co_varnames)
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_name)
