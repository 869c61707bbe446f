# Parser error case: invalid char bang
x = !y
