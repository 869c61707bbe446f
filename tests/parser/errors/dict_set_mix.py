# Parser error case: dict set mix
d = {1: 2, 3}
