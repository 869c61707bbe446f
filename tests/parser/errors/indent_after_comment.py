# Parser error case: indent after comment
# c
  x = 1
