# Checks "name 'total' is used prior to global declaration".
total = 0
def f():
    print(total)
    global total
    total = 5
f()
