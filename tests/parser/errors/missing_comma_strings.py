# Parser error case: missing comma strings
x = ['a' 'b' c]
