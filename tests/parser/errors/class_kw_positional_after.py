# Parser error case: class kw positional after
class A(metaclass=M, B):
    pass
