# Parser error case: invalid char question
x = y?
