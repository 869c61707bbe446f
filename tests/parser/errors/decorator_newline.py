# Parser error case: decorator newline
@
def f(): pass
