# Parser error case: eq in elif
if x:
    pass
elif x = 2:
    pass
