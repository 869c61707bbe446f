# Parser error case: subscript empty
x = a[]
