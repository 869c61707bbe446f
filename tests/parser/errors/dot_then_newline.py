# Parser error case: dot then newline
x = obj.
y = 1
