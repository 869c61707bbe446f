# Parser error case: for no colon same line
for i in range(10) print(i)
