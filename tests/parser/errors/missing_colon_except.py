# Parser error case: missing colon except
try:
    pass
except ValueError
    pass
