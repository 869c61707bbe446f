# Parser error case: import star func
def f():
    from os import *
