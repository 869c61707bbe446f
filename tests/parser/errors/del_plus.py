# Parser error case: del plus
del x +
