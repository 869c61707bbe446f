# Parser error case: comment then indent
x = 1
# comment
    y = 2
