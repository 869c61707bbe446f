# Parser error case: yield outside
yield 1
