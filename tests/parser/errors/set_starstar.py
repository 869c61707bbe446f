# Parser error case: set starstar
s = {**a, 1}
