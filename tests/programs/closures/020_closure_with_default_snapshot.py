# Checks default values are evaluated at def time while free vars are looked up at call time.
def outer():
    x = 1
    def f(a=x):
        return a, x
    x = 2
    return f

f = outer()
print(f())
print(f(10))
