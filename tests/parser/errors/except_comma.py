# Parser error case: except comma
try:
    pass
except A, B:
    pass
