# Parser error case: star comma only
def f(*, **k):
    pass
