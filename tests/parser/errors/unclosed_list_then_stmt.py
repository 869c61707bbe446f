# Parser error case: unclosed list then stmt
a = [1, 2
b = 3
c = 4
