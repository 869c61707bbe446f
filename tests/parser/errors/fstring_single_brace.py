# Parser error case: fstring single brace
x = f'a}b'
