# Parser error case: is not typo
x = a not is b
