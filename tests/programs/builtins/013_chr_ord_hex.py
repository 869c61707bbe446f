# Checks chr/ord/hex/bin/oct builtins and errors.
print(chr(65), chr(0x263A), ord("A"), ord("€"), hex(255), bin(5), oct(64))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
