# Parser error case: set comprehension starstar
s = {**a for a in b}
