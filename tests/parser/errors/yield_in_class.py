# Parser error case: yield in class
class A:
    yield 1
