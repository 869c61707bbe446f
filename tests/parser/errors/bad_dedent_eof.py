# Parser error case: bad dedent eof
if x:
    if y:
        pass
  z = 1
