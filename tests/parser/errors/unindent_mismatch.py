# Parser error case: unindent mismatch
if True:
        x = 1
    y = 2
