# Checks "invalid character '→' (U+2192)".
def describe(item):
    return "item: " + str(item)

x = 1 → 2
