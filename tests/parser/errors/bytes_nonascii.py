# Parser error case: bytes nonascii
x = b'café'
