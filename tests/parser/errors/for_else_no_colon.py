# Parser error case: for else no colon
for x in y:
    pass
else
    pass
