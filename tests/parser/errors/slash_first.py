# Parser error case: slash first
def f(/, a):
    pass
