# Parser error case: ann tuple
a, b: int
