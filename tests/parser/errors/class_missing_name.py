# Parser error case: class missing name
class :
    pass
