# Parser error case: star only
def f(*):
    pass
