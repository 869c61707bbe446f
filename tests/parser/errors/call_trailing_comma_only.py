# Parser error case: call trailing comma only
f(,)
