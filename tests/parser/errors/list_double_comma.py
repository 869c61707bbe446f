# Parser error case: list double comma
x = [1,, 2]
