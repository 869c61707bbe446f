# Parser error case: unclosed string
x = 'hello
print(x)
