# Parser error case: greater equal typo
x = 3
if x => 5:
    pass
