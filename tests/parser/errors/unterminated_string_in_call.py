# Parser error case: unterminated string in call
print('abc)
print(1)
