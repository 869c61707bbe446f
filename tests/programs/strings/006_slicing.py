# Checks string slicing with negative indices and steps.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3])
print(s[len(s) // 2], s[-1], s[0])
