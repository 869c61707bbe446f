# Parser error case: continuation eof
x = 1 + \