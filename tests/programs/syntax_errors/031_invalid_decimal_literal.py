# Checks "invalid decimal literal".
value = 1abc
print(value)
