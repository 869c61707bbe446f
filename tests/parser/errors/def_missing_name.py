# Parser error case: def missing name
def (x):
    pass
