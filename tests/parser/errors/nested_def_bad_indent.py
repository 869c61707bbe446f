# Parser error case: nested def bad indent
def f():
    def g():
    return 1
