# Parser error case: fstring backslash
x = f'{"\n"}'
