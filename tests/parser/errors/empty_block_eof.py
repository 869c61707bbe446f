# Parser error case: empty block eof
def f():
