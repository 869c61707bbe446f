# Checks __defaults__ holds the very same default objects across calls.
def f(x, acc=[]):
    acc.append(x)
    return acc

first = f(1)
print(first is f.__defaults__[0], f.__defaults__)
f.__defaults__ = ([],)
print(f(2), first)
print(f.__dict__, f.__annotations__)
