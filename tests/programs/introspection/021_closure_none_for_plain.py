# Checks __closure__ is None for functions without free variables, even if nested.
def outer():
    x = 1
    def no_capture():
        return 42
    def capture():
        return x
    return no_capture, capture

nc, c = outer()
print(nc.__closure__, c.__closure__ is not None, nc.__code__.co_freevars)
print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
