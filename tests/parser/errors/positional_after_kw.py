# Parser error case: positional after kw
f(a=1, b)
