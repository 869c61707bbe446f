# Parser error case: for call target
for f() in x:
    pass
