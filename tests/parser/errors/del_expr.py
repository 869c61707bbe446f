# Parser error case: del expr
del a + b
