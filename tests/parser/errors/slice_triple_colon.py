# Parser error case: slice triple colon
x = a[1:2:3:4]
