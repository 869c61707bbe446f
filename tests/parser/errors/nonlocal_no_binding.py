# Parser error case: nonlocal no binding
def f():
    nonlocal x
