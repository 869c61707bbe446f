# Parser error case: class def paren unclosed
class A(:
    pass
