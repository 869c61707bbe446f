# Parser error case: del literal
del 1
