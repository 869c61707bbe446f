# Parser error case: stray rbracket
x = 1]
