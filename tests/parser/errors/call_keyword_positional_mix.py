# Parser error case: call keyword positional mix
f(a=1, 2, b=3)
