# Parser error case: global after use
def f():
    print(x)
    global x
