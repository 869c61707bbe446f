# CRLF line endings and a final line without a newline.
x = 1
if x:
    y = [1,
         2]
z = """a
b"""
print(x, y)