# Checks UnboundLocalError when a local is read before assignment (assignment later in function).
x = 10
def f():
    print("in f")
    print(x)
    x = 5

f()
