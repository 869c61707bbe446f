# Parser error case: eq in if
x = 1
if x = 1:
    pass
