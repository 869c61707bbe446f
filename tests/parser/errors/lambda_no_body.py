# Parser error case: lambda no body
f = lambda:
