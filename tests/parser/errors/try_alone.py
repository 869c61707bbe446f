# Parser error case: try alone
try:
    pass
x = 1
