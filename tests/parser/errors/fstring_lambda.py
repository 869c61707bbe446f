# Parser error case: fstring lambda
x = f'{lambda x: 1}'
