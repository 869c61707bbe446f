# Checks a nonlocal variable read and written in the same closure call.
def outer():
    trail = "a"
    def step(ch):
        nonlocal trail
        before = trail
        trail = trail + ch
        return before
    return step, lambda: trail

step, get = outer()
print(step("b"), step("c"), step("d"))
print(get())
