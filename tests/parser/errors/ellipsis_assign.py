# Parser error case: ellipsis assign
x, ... = 1, 2
