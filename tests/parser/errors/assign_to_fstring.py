# Parser error case: assign to fstring
f'{x}' = 1
