# Parser error case: invalid unicode char
x = 1 – 2
