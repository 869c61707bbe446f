# Parser error case: missing colon with
with a as b
    pass
