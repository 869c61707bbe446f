# Checks "expected ':'" after a def header.
def helper(x, y=2):
    return x * y

def greet(name)
    return "hi " + name
