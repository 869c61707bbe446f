# Parser error case: continuation char
x = 1 \ 2
