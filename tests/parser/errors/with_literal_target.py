# Parser error case: with literal target
with a as 1:
    pass
