# Parser error case: print with percent
print 'a' % x
