# Parser error case: arrow typo
def f() => int:
    pass
