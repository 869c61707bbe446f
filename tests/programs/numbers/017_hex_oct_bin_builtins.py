# Checks hex/oct/bin builtins and int() round trips.
for n in [0, 1, 42, 255, 4096, -42, 2 ** 64]:
    h, o, b = hex(n), oct(n), bin(n)
    print(n, h, o, b, int(h, 16) == n, int(o, 0) == n, int(b, 0) == n)
print(hex(0xDEAD_BEEF), oct(0o777), bin(0b1_0_1))
print(int("DEAD", 16), int("-0x10", 16), int("0o17", 0), int("1010", 2))
