# Parser error case: missing colon class
class A
    pass
