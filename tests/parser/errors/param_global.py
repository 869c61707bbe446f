# Parser error case: param global
def f(x):
    global x
