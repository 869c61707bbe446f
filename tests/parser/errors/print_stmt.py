# Parser error case: print stmt
print "x"
