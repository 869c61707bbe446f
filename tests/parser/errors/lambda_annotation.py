# Parser error case: lambda annotation
f = lambda x: int: x
