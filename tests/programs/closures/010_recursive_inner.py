# Checks a recursive inner function captures itself as a free variable.
def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = make_fact()
print(f(0), f(5), f(20))
print(f.__code__.co_freevars)
