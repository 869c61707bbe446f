# Parser error case: if missing expr
if :
    pass
