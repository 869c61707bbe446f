# Parser error case: return in class
class A:
    return 1
