# Checks AttributeError suggestion for a misspelled str method.
s = "hello"
print(s.upper())

def shout(text):
    return text.uper()

shout(s)
