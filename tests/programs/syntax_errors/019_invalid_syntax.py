# Checks a plain "invalid syntax" error.
def helper(x, y=2):
    return x * y

print("never")
x = 1 +* 2
