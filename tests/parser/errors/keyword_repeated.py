# Parser error case: keyword repeated
f(a=1, a=2)
