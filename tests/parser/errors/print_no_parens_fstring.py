# Parser error case: print no parens fstring
name = 'x'
print f'hi {name}'
