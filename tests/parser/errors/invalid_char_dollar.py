# Parser error case: invalid char dollar
x = $y
