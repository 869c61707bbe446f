# Parser error case: with trailing comma
with open('f') as f, :
    pass
