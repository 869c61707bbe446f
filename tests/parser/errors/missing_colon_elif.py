# Parser error case: missing colon elif
if x:
    pass
elif y
    pass
