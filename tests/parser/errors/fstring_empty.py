# Parser error case: fstring empty
x = f'{}'
