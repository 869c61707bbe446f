# Parser error case: fstring nested deep
x = f'{a:{b:{c}}}'
