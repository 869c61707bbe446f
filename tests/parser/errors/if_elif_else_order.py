# Parser error case: if elif else order
if x:
    pass
else:
    pass
elif y:
    pass
