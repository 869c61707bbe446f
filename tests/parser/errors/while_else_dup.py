# Parser error case: while else dup
while x:
    pass
else:
    pass
else:
    pass
