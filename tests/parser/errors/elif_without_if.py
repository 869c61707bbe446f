# Parser error case: elif without if
elif x:
    pass
