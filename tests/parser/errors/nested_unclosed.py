# Parser error case: nested unclosed
x = ([1, 2
