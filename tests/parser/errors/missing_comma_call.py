# Parser error case: missing comma call
print(a b)
