# Checks co_name for functions, lambdas, comprehensions and the module code object.
def named():
    return [x for x in range(1)], (lambda: 0)

lst_code = [c for c in named.__code__.co_consts if hasattr(c, "co_name")]
print([c.co_name for c in lst_code])
print(named.__code__.co_firstlineno, [c.co_firstlineno for c in lst_code])
print((lambda: 0).__code__.co_name)
