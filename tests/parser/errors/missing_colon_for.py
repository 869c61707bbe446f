# Parser error case: missing colon for
for i in range(3)
    print(i)
