# Parser error case: decorator no def
@dec
x = 1
