# Parser error case: unclosed bracket list
x = [1, 2, 3
