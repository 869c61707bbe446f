# Parser error case: unclosed call then def
foo(1,
def bar():
    pass
