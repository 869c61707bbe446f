# Parser error case: expected indent if
if True:
print(1)
