# Parser error case: fstring hash
x = f'{a#}'
