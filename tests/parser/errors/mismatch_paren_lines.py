# Parser error case: mismatch paren lines
x = (1,
 2]
