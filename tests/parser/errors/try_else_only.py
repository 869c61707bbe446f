# Parser error case: try else only
try:
    pass
else:
    pass
