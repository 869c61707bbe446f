# Parser error case: print stmt name
print x
