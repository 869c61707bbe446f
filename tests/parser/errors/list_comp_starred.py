# Parser error case: list comp starred
x = [*a for a in b]
