# Parser error case: def in expression
x = def f(): pass
