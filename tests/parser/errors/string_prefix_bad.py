# Parser error case: string prefix bad
x = ub'a'
