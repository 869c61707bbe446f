# Checks lambdas close over enclosing variables just like def.
def adder(n):
    return lambda x: x + n

def compose(f, g):
    return lambda *a: f(g(*a))

add3 = adder(3)
times2 = lambda x: x * 2
print(add3(4), compose(add3, times2)(10), compose(times2, add3)(10))
h = compose(str, lambda a, b: a ** b)
print(repr(h(2, 10)))
