# Checks hex/oct/bin builtins and int() round trips.
for n in [0, 1, 42, 255, 4096, -42, 2 ** 64]:
    h, o, b = hex(n), oct(n), bin(n)
    print(n, h, o, b, int(h, 16) == n, int(o, 0) == n, int(b, 0) == n)
