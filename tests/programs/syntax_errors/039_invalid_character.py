# Checks "invalid character '→' (U+2192)".
x = 1 → 2
