# Parser error case: match like name
match = 1
match x
