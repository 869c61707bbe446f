# Parser error case: while no colon same line
while True print(1)
