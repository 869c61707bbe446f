# Parser error case: with call target
with a as f():
    pass
