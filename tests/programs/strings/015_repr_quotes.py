# Checks repr chooses quotes and escapes correctly.
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline", "back\\slash", "\x00\x7f", "é ü", "\u200b", "\U0001F600"]
for c in cases:
    print(repr(c))
print(ascii("é ü \U0001F600"))
