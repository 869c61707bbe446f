# Parser error case: missing paren eof
print('a'
