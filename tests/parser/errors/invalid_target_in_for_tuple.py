# Parser error case: invalid target in for tuple
for a, f() in x:
    pass
