# Parser error case: class empty block
class A:

x = 1
