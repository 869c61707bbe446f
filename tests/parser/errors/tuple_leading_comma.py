# Parser error case: tuple leading comma
x = (, 1)
