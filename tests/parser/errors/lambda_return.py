# Parser error case: lambda return
f = lambda x: return x
