# Parser error case: lambda default before
f = lambda x=1, y: 0
