# Checks using function attributes vs closures to keep state.
def counter():
    def inc():
        inc.calls += 1
        return inc.calls
    inc.calls = 0
    return inc

c = counter()
c(); c()
print(c(), c.calls)
c.calls = 100
print(c())
