# Parser error case: invalid assignment in with
with a = b:
    pass
