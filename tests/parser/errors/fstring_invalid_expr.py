# Parser error case: fstring invalid expr
x = f'{a b}'
