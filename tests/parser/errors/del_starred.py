# Parser error case: del starred
del *a
