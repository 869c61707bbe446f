# Parser error case: for tuple assign
for x in 1, 2 =
    pass
