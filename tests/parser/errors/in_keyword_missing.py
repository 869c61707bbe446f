# Parser error case: in keyword missing
for x range(3):
    pass
