# Checks leading zeros in decimal integer literals are rejected.
code = 0755
print(code)
