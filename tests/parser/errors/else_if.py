# Parser error case: else if
if a:
    pass
else if b:
    pass
