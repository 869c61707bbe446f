# Parser error case: mix bytes
x = b'a' 'b'
