# Parser error case: lambda parens
f = lambda (x): x
