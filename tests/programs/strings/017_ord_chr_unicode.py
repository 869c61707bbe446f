# Checks ord/chr round trips and len of non-ASCII strings.
s = "aé€😀"
print([ord(c) for c in s])
print("".join(chr(o) for o in [72, 233, 8364, 128512]))
print(len(s), s[::-1], s.upper())
print(chr(0x41) + chr(0x1F40D) * 2)
