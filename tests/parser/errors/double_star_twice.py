# Parser error case: double star twice
def f(**a, **b):
    pass
