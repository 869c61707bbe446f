# Parser error case: dict comp unpack
x = {**a for a in b}
