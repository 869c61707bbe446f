# Checks a plain "invalid syntax" error.
print("never")
x = 1 +* 2
