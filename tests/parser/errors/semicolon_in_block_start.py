# Parser error case: semicolon in block start
if x: ; pass
