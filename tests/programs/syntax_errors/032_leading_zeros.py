# Checks leading zeros in decimal integer literals are rejected.
def helper(x, y=2):
    return x * y

code = 0755
print(code)
