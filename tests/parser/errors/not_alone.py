# Parser error case: not alone
x = not
