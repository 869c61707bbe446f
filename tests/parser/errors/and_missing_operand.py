# Parser error case: and missing operand
x = 3
if x > 5 and < 10:
    pass
