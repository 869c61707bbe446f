# Parser error case: bad hex
x = 0xg
