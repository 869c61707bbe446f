# Parser error case: quote in string
x = 'it's'
