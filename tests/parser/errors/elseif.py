# Parser error case: elseif
if a:
    pass
elseif b:
    pass
