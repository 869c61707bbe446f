# Parser error case: lambda star only
f = lambda *: 0
