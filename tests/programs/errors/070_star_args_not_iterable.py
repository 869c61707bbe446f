# f(*x) with a non-iterable x names the callee, as CPython's CALL_FUNCTION_EX does.
def show(*items):
    print(*items)

show(*[1, 2])
show(*5)
