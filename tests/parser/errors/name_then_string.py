# Parser error case: name then string
x = a 'b'
