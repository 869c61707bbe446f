# Parser error case: missing paren call
print('a'
x = 1
