# Parser error case: colon in call
f(a: 1)
