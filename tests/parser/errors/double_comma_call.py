# Parser error case: double comma call
print(1,, 2)
