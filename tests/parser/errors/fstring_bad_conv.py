# Parser error case: fstring bad conv
x = f'{a!x}'
