# Parser error case: stray rbrace
x = }
