# Parser error case: class in expression
x = class A: pass
