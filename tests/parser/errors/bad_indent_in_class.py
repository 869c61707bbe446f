# Parser error case: bad indent in class
class A:
    x = 1
      y = 2
