# Parser error case: keyword true
f(True=1)
