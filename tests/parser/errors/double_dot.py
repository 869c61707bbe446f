# Parser error case: double dot
x = a..b
