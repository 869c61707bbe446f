# Parser error case: subscript unclosed newline
x = a[1
y = 2
