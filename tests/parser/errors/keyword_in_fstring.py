# Parser error case: keyword in fstring
x = f'{import}'
