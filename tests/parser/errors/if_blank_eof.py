# Parser error case: if blank eof
if x:

