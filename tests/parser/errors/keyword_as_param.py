# Parser error case: keyword as param
def f(class):
    pass
