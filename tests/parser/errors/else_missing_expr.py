# Parser error case: else missing expr
x = 1 if y else
