# Parser error case: del call
del f()
