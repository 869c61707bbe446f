# Parser error case: for literal target
for 1 in x:
    pass
