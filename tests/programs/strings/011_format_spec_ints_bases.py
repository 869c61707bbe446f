# Checks integer formats: binary, octal, hex, # alternate form, zero padding.
for n in (0, 5, 255, -10):
    print(f"{n:08b}|{n:o}|{n:x}|{n:X}|{n:#b}|{n:#o}|{n:#x}|{n:#010x}")
print(f"{65:c}{97:c}{0x263A:c}")
print(f"{10**20:_x} {0b1111_0000:_b}")
