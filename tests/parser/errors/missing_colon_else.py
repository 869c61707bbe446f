# Parser error case: missing colon else
if x:
    pass
else
    pass
