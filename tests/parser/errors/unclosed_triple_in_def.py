# Parser error case: unclosed triple in def
def f():
    '''doc
    return 1
