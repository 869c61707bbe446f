# Parser error case: expected indent
def f():
return 1
