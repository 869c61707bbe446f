# Checks AttributeError suggestion for a misspelled str method.
s = "hello"
print(s.upper())
print(s.uper())
