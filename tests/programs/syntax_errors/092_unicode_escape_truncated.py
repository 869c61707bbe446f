# Checks '\\x4': a truncated \\xXX escape.
letters = "\x41\x42"
print(letters)
broken = "\x4"
print(broken)
