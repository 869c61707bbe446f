# Checks "name 'x' is assigned to before global declaration".
x = 0
def f():
    x = 1
    global x
    return x
print("never printed")
