# Checks "positional argument follows keyword argument".
def describe(item):
    return "item: " + str(item)

def f(a, b):
    return a - b
print(f(a=1, 2))
