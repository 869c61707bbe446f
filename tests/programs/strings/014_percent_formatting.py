# Checks %-formatting with various conversions and widths.
print("%s is %d years and %.2f m" % ("Al", 42, 1.8))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %o %#x %#o %e %g" % (255, 255, 8, 255, 8, 12345.678, 0.00001234))
print("%r %s %a" % ("hi", "hi", "é"))
print("%(a)s-%(b)03d" % {"a": "key", "b": 7})
print("%c%c %%" % (72, "i"))
print("%*d|%-*s|" % (6, 7, 4, "ab"))
print("single: %s" % "value", "tuple: %s" % ((1, 2),))
