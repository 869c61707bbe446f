# Parser error case: fstring unclosed
x = f'{a'
