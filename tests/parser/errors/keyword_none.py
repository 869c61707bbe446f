# Parser error case: keyword none
f(None=1)
