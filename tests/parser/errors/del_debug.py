# Parser error case: del debug
del __debug__
