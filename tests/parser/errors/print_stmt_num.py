# Parser error case: print stmt num
print 1
