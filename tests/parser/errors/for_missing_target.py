# Parser error case: for missing target
for in x:
    pass
