# Parser error case: star twice
def f(*a, *b):
    pass
